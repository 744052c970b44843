// docker's -p syntax: what each form publishes, and the errors in docker's words.

#include "network/portspec.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace berth;

class TestPortSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDockersForms_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QStringList>("published"); // display() of each, host port 0 = chosen later
        QTest::newRow("container port") << QStringLiteral("80") << QStringList{QStringLiteral("0.0.0.0:0->80/tcp")};
        QTest::newRow("host:container") << QStringLiteral("8080:80") << QStringList{QStringLiteral("0.0.0.0:8080->80/tcp")};
        QTest::newRow("ip:host:container") << QStringLiteral("127.0.0.1:8080:80")
                                           << QStringList{QStringLiteral("127.0.0.1:8080->80/tcp")};
        QTest::newRow("ip::container") << QStringLiteral("127.0.0.1::80") << QStringList{QStringLiteral("127.0.0.1:0->80/tcp")};
        QTest::newRow("udp") << QStringLiteral("5353:53/udp") << QStringList{QStringLiteral("0.0.0.0:5353->53/udp")};
        QTest::newRow("ranges") << QStringLiteral("8000-8001:80-81/tcp")
                                << QStringList{QStringLiteral("0.0.0.0:8000->80/tcp"), QStringLiteral("0.0.0.0:8001->81/tcp")};
        QTest::newRow("ipv6") << QStringLiteral("[::1]:8080:80") << QStringList{QStringLiteral("::1:8080->80/tcp")};
    }

    void parsesDockersForms()
    {
        QFETCH(QString, spec);
        QFETCH(QStringList, published);
        const auto bindings = parsePublish(spec);
        QVERIFY2(bindings.ok(), bindings.ok() ? "" : qPrintable(bindings.error().message()));
        QStringList shown;
        for (const PortBinding &binding : *bindings)
            shown << binding.display();
        QCOMPARE(shown, published);
        // Through PortBindings JSON and back, as the engine keeps them.
        const auto again = bindingsFromJson(bindingsToJson(*bindings));
        QVERIFY(again.ok());
        QCOMPARE(*again, *bindings);
    }

    void refusesWhatDockerRefuses_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("port too big") << QStringLiteral("99999:80") << QStringLiteral("invalid hostPort: 99999");
        QTest::newRow("not a port") << QStringLiteral("80:http") << QStringLiteral("invalid containerPort: http");
        QTest::newRow("port zero") << QStringLiteral("0") << QStringLiteral("invalid containerPort: 0");
        QTest::newRow("protocol") << QStringLiteral("80/sctpx") << QStringLiteral("invalid proto: sctpx");
        QTest::newRow("address") << QStringLiteral("300.1.1.1:80:80") << QStringLiteral("invalid ip address: 300.1.1.1");
        QTest::newRow("too many parts") << QStringLiteral("1:2:3:4") << QStringLiteral("invalid port format");
        QTest::newRow("unequal ranges") << QStringLiteral("8000-8002:80-81")
                                        << QStringLiteral("invalid ranges specified for container and host Ports");
        QTest::newRow("backwards range") << QStringLiteral("81-80") << QStringLiteral("invalid containerPort: 81-80");
    }

    void refusesWhatDockerRefuses()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        const auto bindings = parsePublish(spec);
        QVERIFY(!bindings.ok());
        QCOMPARE(bindings.error().kind(), ErrorKind::InvalidArgument);
        QVERIFY2(bindings.error().message().contains(message), qPrintable(bindings.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestPortSpec)
#include "tst_portspec.moc"
