// GoTemplate: docker's --format templates against JSON documents, printed as Go prints them,
// and templates that cannot be parsed or run refused with a message.

#include "gotemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using berth::cli::GoTemplate;

namespace {

// A container as `inspect` shows it, in part.
QJsonObject container()
{
    return QJsonDocument::fromJson(R"({
        "Name": "/web", "RestartCount": 2, "Ratio": 0.5,
        "State": {"Status": "running", "Running": true, "Pid": 4242, "ExitCode": 0, "Error": ""},
        "Config": {"Cmd": ["sleep", "1000"], "Env": ["A=1", "B=2"], "Labels": {"app": "web", "tier": "front"},
                   "Entrypoint": null, "Image": "busybox"},
        "Mounts": []
    })")
        .object();
}

// A failed result's message, for QVERIFY2 (which builds its message either way).
template<typename T> QByteArray why(const berth::Result<T> &result)
{
    return result ? QByteArray() : result.error().message().toUtf8();
}

} // namespace

class TestGoTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersAsDockerDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain text") << "no actions"
                                    << "no actions";
        QTest::newRow("field") << "{{.State.Status}}"
                               << "running";
        QTest::newRow("number as an integer") << "{{.State.Pid}}"
                                              << "4242";
        QTest::newRow("fraction") << "{{.Ratio}}"
                                  << "0.5";
        QTest::newRow("bool") << "{{.State.Running}}"
                              << "true";
        QTest::newRow("list as Go prints it") << "{{.Config.Cmd}}"
                                              << "[sleep 1000]";
        QTest::newRow("map as Go prints it") << "{{.Config.Labels}}"
                                             << "map[app:web tier:front]";
        QTest::newRow("missing field") << "{{.Nope}}"
                                       << "<no value>";
        QTest::newRow("null") << "{{.Config.Entrypoint}}"
                              << "<nil>";
        QTest::newRow("json of a list") << "{{json .Config.Cmd}}"
                                        << "[\"sleep\",\"1000\"]";
        QTest::newRow("json of a string") << "{{json .Name}}"
                                          << "\"/web\"";
        QTest::newRow("json of all") << "{{json .State}}"
                                     << "{\"Error\":\"\",\"ExitCode\":0,\"Pid\":4242,\"Running\":true,\"Status\":\"running\"}";
        QTest::newRow("join") << "{{join .Config.Cmd \" \"}}"
                              << "sleep 1000";
        QTest::newRow("index of a map") << "{{index .Config.Labels \"tier\"}}"
                                        << "front";
        QTest::newRow("index of a list") << "{{index .Config.Env 1}}"
                                         << "B=2";
        QTest::newRow("len") << "{{len .Config.Env}}"
                             << "2";
        QTest::newRow("pipeline") << "{{.Config.Image | upper}}"
                                  << "BUSYBOX";
        QTest::newRow("nested call") << "{{index (split .Name \"/\") 1}}"
                                     << "web";
        QTest::newRow("lower title truncate") << "{{lower \"ABC\"}} {{title \"web\"}} {{truncate .Config.Image 4}}"
                                              << "abc Web busy";
        QTest::newRow("pad") << "[{{pad .Config.Image 1 2}}]"
                             << "[ busybox  ]";
        QTest::newRow("print and println") << "{{print \"a\" 1 2 \"b\"}}|{{println \"x\" 3}}"
                                           << "a1 2b|x 3\n";
        QTest::newRow("eq") << "{{if eq .State.Status \"running\"}}up{{end}}"
                            << "up";
        QTest::newRow("eq of several") << "{{eq .State.Pid 1 4242}}"
                                       << "true";
        QTest::newRow("ne and not") << "{{ne .Name \"/web\"}} {{not .State.Running}}"
                                    << "false false";
        QTest::newRow("and or") << "{{and .State.Running .Name}} {{or .State.Error \"none\"}}"
                                << "/web none";
        QTest::newRow("printf") << "{{printf \"%-6s|%5d|%q|%v%%\" .Config.Image .State.Pid .Name .Ratio}}"
                                << "busybox| 4242|\"/web\"|0.5%";
        QTest::newRow("if true") << "{{if .State.Running}}up{{else}}down{{end}}"
                                 << "up";
        QTest::newRow("if empty string") << "{{if .State.Error}}failed{{else}}fine{{end}}"
                                         << "fine";
        QTest::newRow("if missing") << "{{if .Nope}}yes{{end}}"
                                    << "";
        QTest::newRow("range a list") << "{{range .Config.Env}}<{{.}}>{{end}}"
                                      << "<A=1><B=2>";
        QTest::newRow("range a map") << "{{range .Config.Labels}}{{.}};{{end}}"
                                     << "web;front;";
        QTest::newRow("range empty, else") << "{{range .Mounts}}m{{else}}none{{end}}"
                                           << "none";
        QTest::newRow("nested blocks") << "{{range .Config.Env}}{{if .}}[{{.}}]{{end}}{{end}}"
                                       << "[A=1][B=2]";
        QTest::newRow("trim markers") << "a  {{- .Config.Image -}}  b"
                                      << "abusyboxb";
        QTest::newRow("quoted braces") << "{{\"}}\"}}"
                                       << "}}";
        QTest::newRow("raw string") << "{{`a\\tb`}}"
                                    << "a\\tb";
        QTest::newRow("escaped quote") << "{{\"say \\\"hi\\\"\"}}"
                                       << "say \"hi\"";
    }

    void rendersAsDockerDoes()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto parsed = GoTemplate::parse(text);
        QVERIFY2(parsed, why(parsed).constData());
        const auto output = parsed->execute(container());
        QVERIFY2(output, why(output).constData());
        QCOMPARE(*output, expected);
    }

    void badTemplatesAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed action") << "{{.Name"
                                         << "unclosed action";
        QTest::newRow("unclosed block") << "{{if .Name}}x"
                                        << "no {{end}}";
        QTest::newRow("stray end") << "x{{end}}"
                                   << "unexpected {{end}}";
        QTest::newRow("two elses") << "{{if .A}}{{else}}{{else}}{{end}}"
                                   << "unexpected {{else}}";
        QTest::newRow("empty action") << "{{}}"
                                      << "empty action";
        QTest::newRow("unterminated string") << "{{\"abc}}"
                                             << "unclosed action";
        QTest::newRow("bad field") << "{{.A..B}}"
                                   << "bad field";
        QTest::newRow("two values") << "{{.A .B}}"
                                    << "too many values";
        QTest::newRow("unclosed parenthesis") << "{{len (.A}}"
                                              << "unclosed";
    }

    void badTemplatesAreRefused()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto parsed = GoTemplate::parse(text);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message().contains(message), qPrintable(parsed.error().message()));
    }

    void failuresWhileRunningAreErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown function") << "{{bogus .Name}}"
                                          << "\"bogus\" not defined";
        QTest::newRow("field of a string") << "{{.Name.First}}"
                                           << "can't evaluate field First";
        QTest::newRow("wrong argument count") << "{{join .Config.Cmd}}"
                                              << "join takes 2 arguments";
        QTest::newRow("range over a string") << "{{range .Name}}{{end}}"
                                             << "range can't iterate";
        QTest::newRow("len of a number") << "{{len .State.Pid}}"
                                         << "len of 4242";
    }

    void failuresWhileRunningAreErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto parsed = GoTemplate::parse(text);
        QVERIFY2(parsed, why(parsed).constData());
        const auto output = parsed->execute(container());
        QVERIFY(!output);
        QVERIFY2(output.error().message().contains(message), qPrintable(output.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestGoTemplate)
#include "tst_gotemplate.moc"
