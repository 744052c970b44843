// The default bridge network against an isolated engine (its own bridge and nftables table):
// published ports reached from the host's loopback and from another "host" (a network
// namespace the test makes, joined to the host by a veth pair), containers reaching each
// other, the network modes, bad input refused, and nothing of a container left in links and
// rules after it is removed, also across a killed helper.
//
// Traffic goes only to loopback, the engine's bridge and namespaces the test itself made.

#include "isolatedengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace berth::test;

class TestNetwork : public QObject
{
    Q_OBJECT

    ProcessResult berth(const QStringList &arguments) const { return m_engine.berth(arguments); }

    static ProcessResult run(const QString &program, const QStringList &arguments) { return runProcess(program, arguments); }

    QJsonObject networkSettings(const QString &container) const
    {
        const ProcessResult inspected = berth({QStringLiteral("inspect"), container});
        return QJsonDocument::fromJson(inspected.out.toUtf8()).array().first().toObject().value(u"NetworkSettings").toObject();
    }

    // An HTTP server in a container that serves `text` at /.
    QString serve(const QString &text, const QStringList &publish) const
    {
        QStringList arguments = {QStringLiteral("run"), QStringLiteral("-d")};
        for (const QString &port : publish)
            arguments << QStringLiteral("-p") << port;
        arguments << QStringLiteral("busybox") << QStringLiteral("sh") << QStringLiteral("-c")
                  << QStringLiteral("mkdir /www && echo %1 > /www/index.html && exec httpd -f -p 80 -h /www").arg(text);
        return berth(arguments).out.trimmed();
    }

    // The host's busybox fetching a URL (a few tries: the server may still be starting).  Not
    // wget -T: Debian's busybox 1.35 crashes when that timeout fires; timeout(1) bounds it.
    static QString fetch(const QString &url, const QStringList &prefix = {})
    {
        for (int attempt = 0; attempt < 50; ++attempt) {
            const QStringList command = prefix
                + QStringList{QStringLiteral("timeout"),
                              QStringLiteral("5"),
                              QStringLiteral("busybox"),
                              QStringLiteral("wget"),
                              QStringLiteral("-q"),
                              QStringLiteral("-O-"),
                              url};
            const ProcessResult got = runProcess(command.first(), command.mid(1));
            if (got.exitCode == 0)
                return got.out;
            QTest::qWait(100);
        }
        return {};
    }

    QString hostPortOf(const QString &container, const QString &port) const
    {
        return berth({QStringLiteral("port"), container, port}).out.trimmed().section(u':', -1);
    }

    QString rules() const
    {
        return run(QStringLiteral("nft"),
                   {QStringLiteral("list"), QStringLiteral("table"), QStringLiteral("ip"),
                    QStringLiteral("berth_") + m_engine.bridge()})
            .out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.start(), qPrintable(m_engine.errorString()));
    }

    void cleanupTestCase()
    {
        if (!m_outside.isEmpty())
            run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("delete"), m_outside});
        m_engine.stop();
    }

    void aContainerGetsAnAddressOnTheBridge()
    {
        const ProcessResult shown
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--hostname"), QStringLiteral("box"),
                     QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("ip -4 addr show eth0; ip route; grep box /etc/hosts")});
        QCOMPARE(shown.exitCode, 0);
        const QRegularExpressionMatch address
            = QRegularExpression(QStringLiteral("inet (\\d+\\.\\d+\\.\\d+\\.(\\d+))/(\\d+)")).match(shown.out);
        QVERIFY2(address.hasMatch(), qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QStringLiteral("default via ")), qPrintable(shown.out));
        QVERIFY2(shown.out.contains(address.captured(1) + QStringLiteral("\tbox")), qPrintable(shown.out));
        const QString bridge
            = run(QStringLiteral("ip"), {QStringLiteral("-4"), QStringLiteral("addr"), QStringLiteral("show"), m_engine.bridge()})
                  .out;
        QVERIFY2(bridge.contains(QStringLiteral("/%1").arg(address.captured(3))), qPrintable(bridge));
    }

    void containersOnTheBridgeReachEachOther()
    {
        const QString server = serve(QStringLiteral("from-a-neighbour"), {});
        const QString address = networkSettings(server).value(u"IPAddress").toString();
        QVERIFY(!address.isEmpty());
        const ProcessResult fetched = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("busybox"),
                                             QStringLiteral("sh"), QStringLiteral("-c"),
                                             QStringLiteral("for i in $(seq 50); do wget -q -O- http://%1/ && exit; "
                                                            "sleep 0.1; done; exit 1")
                                                 .arg(address)});
        QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
        QCOMPARE(fetched.out, QStringLiteral("from-a-neighbour\n"));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), server}).exitCode, 0);
    }

    void aPublishedPortServesTheHostAndOtherHosts()
    {
        const QString server = serve(QStringLiteral("published"), {QStringLiteral("80")});
        const QString port = hostPortOf(server, QStringLiteral("80"));
        QVERIFY2(port.toInt() > 0, qPrintable(berth({QStringLiteral("port"), server}).out));
        QCOMPARE(fetch(QStringLiteral("http://127.0.0.1:%1/").arg(port)), QStringLiteral("published\n"));

        // Another host: a namespace of the test's, on a veth pair with the host.
        m_outside = QStringLiteral("bto%1").arg(QCoreApplication::applicationPid() % 100000);
        const QString hostEnd = m_outside + QStringLiteral("h");
        QCOMPARE(run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("add"), m_outside}).exitCode, 0);
        for (const QStringList &command :
             {QStringList{QStringLiteral("link"), QStringLiteral("add"), hostEnd, QStringLiteral("type"), QStringLiteral("veth"),
                          QStringLiteral("peer"), QStringLiteral("name"), QStringLiteral("eth0"), QStringLiteral("netns"),
                          m_outside},
              QStringList{QStringLiteral("addr"), QStringLiteral("add"), QStringLiteral("10.253.77.1/30"), QStringLiteral("dev"),
                          hostEnd},
              QStringList{QStringLiteral("link"), QStringLiteral("set"), hostEnd, QStringLiteral("up")},
              QStringList{QStringLiteral("-n"), m_outside, QStringLiteral("addr"), QStringLiteral("add"),
                          QStringLiteral("10.253.77.2/30"), QStringLiteral("dev"), QStringLiteral("eth0")},
              QStringList{QStringLiteral("-n"), m_outside, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"),
                          QStringLiteral("up")}}) {
            const ProcessResult done = run(QStringLiteral("ip"), command);
            QVERIFY2(done.exitCode == 0, qPrintable(command.join(u' ') + u'\n' + done.err));
        }
        QCOMPARE(fetch(QStringLiteral("http://10.253.77.1:%1/").arg(port),
                       {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"), m_outside}),
                 QStringLiteral("published\n"));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), server}).exitCode, 0);
    }

    void portsShowAsDockerShowsThem()
    {
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("shown"),
                                  QStringLiteral("-p"), QStringLiteral("127.0.0.1::80"), QStringLiteral("-p"),
                                  QStringLiteral("53/udp"), QStringLiteral("--expose"), QStringLiteral("443"),
                                  QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("1000")})
                               .out.trimmed();
        const QString tcp = hostPortOf(id, QStringLiteral("80"));
        const QString udp = hostPortOf(id, QStringLiteral("53/udp"));
        const ProcessResult ps = berth({QStringLiteral("ps"), QStringLiteral("--filter"), QStringLiteral("name=shown")});
        QVERIFY2(ps.out.contains(QStringLiteral("127.0.0.1:%1->80/tcp").arg(tcp)), qPrintable(ps.out));
        QVERIFY2(ps.out.contains(QStringLiteral("0.0.0.0:%1->53/udp").arg(udp)), qPrintable(ps.out));
        QVERIFY2(ps.out.contains(QStringLiteral("443/tcp")), qPrintable(ps.out));
        const QJsonArray bound = networkSettings(id).value(u"Ports").toObject().value(u"80/tcp").toArray();
        QCOMPARE(bound.first()[u"HostIp"].toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(bound.first()[u"HostPort"].toString(), tcp);
        const ProcessResult missing = berth({QStringLiteral("port"), id, QStringLiteral("81")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"No public port '81/tcp' published for"), qPrintable(missing.err));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
    }

    void takenPortsAndBadSpecsAreRefused()
    {
        const QString first = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                     QStringLiteral("holder"), QStringLiteral("-p"), QStringLiteral("80"),
                                     QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("1000")})
                                  .out.trimmed();
        const QString port = hostPortOf(first, QStringLiteral("80"));
        const ProcessResult again = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-p"),
                                           port + QStringLiteral(":80"), QStringLiteral("busybox"), QStringLiteral("true")});
        QCOMPARE(again.exitCode, 125);
        QVERIFY2(again.err.contains(
                     QStringLiteral("Bind for 0.0.0.0:%1 failed: port is already allocated to container holder").arg(port)),
                 qPrintable(again.err));
        // A port a program on the host listens on.
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::Any));
        const ProcessResult taken
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-p"),
                     QStringLiteral("%1:80").arg(listener.serverPort()), QStringLiteral("busybox"), QStringLiteral("true")});
        QCOMPARE(taken.exitCode, 125);
        QVERIFY2(taken.err.contains(u"port is already in use on the host"), qPrintable(taken.err));
        for (const auto &[spec, message] :
             {std::pair{"99999:80", "invalid hostPort: 99999"}, std::pair{"80:abc", "invalid containerPort: abc"},
              std::pair{"1.2.3:80:80", "invalid ip address: 1.2.3"}, std::pair{"80/sctpx", "invalid proto: sctpx"},
              std::pair{"8000-8002:80-81", "invalid ranges specified"}}) {
            const ProcessResult bad = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-p"),
                                             QLatin1StringView(spec), QStringLiteral("busybox"), QStringLiteral("true")});
            QCOMPARE(bad.exitCode, 125);
            QVERIFY2(bad.err.contains(QLatin1StringView(message)), qPrintable(bad.err));
        }
        const ProcessResult mode = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"),
                                          QStringLiteral("bogus"), QStringLiteral("busybox"), QStringLiteral("true")});
        QVERIFY(mode.exitCode != 0);
        QVERIFY2(mode.err.contains(u"network bogus not found"), qPrintable(mode.err));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), first}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("container"), QStringLiteral("prune"), QStringLiteral("-f")}).exitCode, 0);
    }

    void networkModes()
    {
        const ProcessResult none
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"), QStringLiteral("none"),
                     QStringLiteral("busybox"), QStringLiteral("cat"), QStringLiteral("/proc/net/dev")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains(u" lo:") && !none.out.contains(u"eth0"), qPrintable(none.out));
        const ProcessResult host
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"), QStringLiteral("host"),
                     QStringLiteral("busybox"), QStringLiteral("cat"), QStringLiteral("/proc/net/dev")});
        QCOMPARE(host.exitCode, 0);
        QVERIFY2(host.out.contains(m_engine.bridge() + u':'), qPrintable(host.out));
        const QString first = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"),
                                     QStringLiteral("sleep"), QStringLiteral("1000")})
                                  .out.trimmed();
        const QString address = networkSettings(first).value(u"IPAddress").toString();
        const ProcessResult joined = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"),
                                            QStringLiteral("container:") + first, QStringLiteral("busybox"), QStringLiteral("ip"),
                                            QStringLiteral("-4"), QStringLiteral("addr")});
        QCOMPARE(joined.exitCode, 0);
        QVERIFY2(joined.out.contains(address + u'/'), qPrintable(joined.out));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), first}).exitCode, 0);
        const ProcessResult stopped
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"),
                     QStringLiteral("container:") + first, QStringLiteral("busybox"), QStringLiteral("true")});
        QVERIFY(stopped.exitCode != 0);
    }

    void userDefinedNetworksResolveNamesAndStayApart()
    {
        QCOMPARE(berth({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("front")}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("back")}).exitCode, 0);
        const QString web = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("webby"),
                                   QStringLiteral("--network"), QStringLiteral("front"), QStringLiteral("--network-alias"),
                                   QStringLiteral("www"), QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("mkdir /www && echo by-name > /www/index.html && exec httpd -f -p 80 -h /www")})
                                .out.trimmed();
        QVERIFY(!web.isEmpty());
        const QString fetchWeb = QStringLiteral("for i in $(seq 50); do wget -q -O- http://%1/ && exit; sleep 0.1; done; exit 1");
        // On the same network, by name.
        const ProcessResult neighbour = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"),
                                               QStringLiteral("front"), QStringLiteral("busybox"), QStringLiteral("sh"),
                                               QStringLiteral("-c"), fetchWeb.arg(QStringLiteral("webby"))});
        QCOMPARE(neighbour.exitCode, 0);
        QCOMPARE(neighbour.out, QStringLiteral("by-name\n"));
        const ProcessResult byAlias
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"), QStringLiteral("front"),
                     QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"), fetchWeb.arg(QStringLiteral("www"))});
        QCOMPARE(byAlias.out, QStringLiteral("by-name\n"));
        // On another network, neither by name nor by address.
        const QString address
            = networkSettings(web).value(u"Networks").toObject().value(u"front").toObject().value(u"IPAddress").toString();
        QVERIFY(!address.isEmpty());
        for (const QString &network : {QStringLiteral("back"), QStringLiteral("bridge")}) {
            const ProcessResult stranger
                = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"), network,
                         QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("ping -c1 -W1 webby; ping -c1 -W1 %1 && echo REACHED").arg(address)});
            QVERIFY2(!stranger.out.contains(u"REACHED"), qPrintable(network + u'\n' + stranger.out));
        }
        // Connected to a second network with an alias: reachable there by the alias.
        QCOMPARE(berth({QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("--alias"), QStringLiteral("site"),
                        QStringLiteral("back"), QStringLiteral("webby")})
                     .exitCode,
                 0);
        const ProcessResult alias = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"),
                                           QStringLiteral("back"), QStringLiteral("busybox"), QStringLiteral("sh"),
                                           QStringLiteral("-c"), fetchWeb.arg(QStringLiteral("site"))});
        QCOMPARE(alias.out, QStringLiteral("by-name\n"));
        const ProcessResult twice
            = berth({QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("back"), QStringLiteral("webby")});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains(u"already exists in network back"), qPrintable(twice.err));
        const QJsonObject back
            = QJsonDocument::fromJson(
                  berth({QStringLiteral("network"), QStringLiteral("inspect"), QStringLiteral("back")}).out.toUtf8())
                  .array()
                  .first()
                  .toObject();
        QCOMPARE(back.value(u"Containers").toObject().value(web).toObject().value(u"Name").toString(), QStringLiteral("webby"));
        // In use: not removed; disconnected, it is.
        const ProcessResult busy = berth({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("back")});
        QCOMPARE(busy.exitCode, 1);
        QVERIFY2(busy.err.contains(u"has active endpoints (webby)"), qPrintable(busy.err));
        QCOMPARE(berth({QStringLiteral("network"), QStringLiteral("disconnect"), QStringLiteral("back"), QStringLiteral("webby")})
                     .exitCode,
                 0);
        QVERIFY(!berth({QStringLiteral("exec"), QStringLiteral("webby"), QStringLiteral("cat"), QStringLiteral("/proc/net/dev")})
                     .out.contains(u"eth1"));
        QCOMPARE(berth({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("back")}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), web}).exitCode, 0);
        const ProcessResult pruned = berth({QStringLiteral("network"), QStringLiteral("prune"), QStringLiteral("-f")});
        QVERIFY2(pruned.out.contains(u"front"), qPrintable(pruned.out));
        const ProcessResult listed = berth({QStringLiteral("network"), QStringLiteral("ls")});
        QVERIFY2(!listed.out.contains(u"front") && listed.out.contains(u"bridge") && listed.out.contains(u"none"),
                 qPrintable(listed.out));
        QVERIFY2(!run(QStringLiteral("ip"), {QStringLiteral("-o"), QStringLiteral("link")}).out.contains(u" br-"),
                 "a removed network's bridge is left");
    }

    void badNetworkRequestsAreRefused()
    {
        QCOMPARE(berth({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                        QStringLiteral("10.231.0.0/24"), QStringLiteral("ranged")})
                     .exitCode,
                 0);
        const ProcessResult again = berth({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("ranged")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"network with name ranged already exists"), qPrintable(again.err));
        const ProcessResult overlap = berth({QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--subnet"),
                                             QStringLiteral("10.231.0.128/25"), QStringLiteral("overlapping")});
        QCOMPARE(overlap.exitCode, 1);
        QVERIFY2(overlap.err.contains(u"Pool overlaps with other one on this address space"), qPrintable(overlap.err));
        for (const auto &[arguments, message] :
             {std::pair{QStringList{QStringLiteral("--subnet"), QStringLiteral("10.1.2.3"), QStringLiteral("n1")},
                        QStringLiteral("invalid subnet 10.1.2.3")},
              std::pair{QStringList{QStringLiteral("--subnet"), QStringLiteral("10.232.0.0/24"), QStringLiteral("--gateway"),
                                    QStringLiteral("10.9.9.9"), QStringLiteral("n2")},
                        QStringLiteral("the gateway 10.9.9.9 is not an address of 10.232.0.0/24")},
              std::pair{QStringList{QStringLiteral("bad/name")}, QStringLiteral("invalid network name")}}) {
            const ProcessResult bad = berth(QStringList{QStringLiteral("network"), QStringLiteral("create")} + arguments);
            QCOMPARE(bad.exitCode, 1);
            QVERIFY2(bad.err.contains(message), qPrintable(bad.err));
        }
        const ProcessResult builtin = berth({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("bridge")});
        QVERIFY2(builtin.err.contains(u"pre-defined network"), qPrintable(builtin.err));
        const ProcessResult hostJoin = berth(
            {QStringLiteral("network"), QStringLiteral("connect"), QStringLiteral("ranged"), QStringLiteral("nobody-here")});
        QVERIFY2(hostJoin.err.contains(u"No such container"), qPrintable(hostJoin.err));
        QCOMPARE(berth({QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("ranged")}).exitCode, 0);
        QVERIFY(!berth({QStringLiteral("network"), QStringLiteral("ls")}).out.contains(u"n2"));
    }

    void aConfiguredRangeThatCollidesIsNamed()
    {
        // A second engine told to use the first one's range: its containers cannot start, and
        // the reason names the range and the route it collides with.
        const QString taken = QRegularExpression(QStringLiteral("inet (\\S+)"))
                                  .match(run(QStringLiteral("ip"),
                                             {QStringLiteral("-4"), QStringLiteral("-o"), QStringLiteral("addr"),
                                              QStringLiteral("show"), m_engine.bridge()})
                                             .out)
                                  .captured(1);
        QVERIFY2(taken.contains(u'/'), qPrintable(taken));
        IsolatedEngine second;
        QDir().mkpath(second.path());
        QFile settings(second.settingsFile());
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write(QStringLiteral("{\"cgroup-parent\": \"%1\", \"bridge\": \"%2\", \"bip\": \"%3\"}\n")
                           .arg(second.cgroupParent(), second.bridge(), taken)
                           .toUtf8());
        settings.close();
        QVERIFY2(second.start(), qPrintable(second.errorString()));
        const ProcessResult refused
            = second.berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("busybox"), QStringLiteral("true")});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(u"overlaps the host's route to"), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("(\"bip\" in engine.json)")) || refused.err.contains(second.bridge()),
                 qPrintable(refused.err));
        // none still runs: only the bridge is missing.
        QCOMPARE(second
                     .berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"), QStringLiteral("none"),
                             QStringLiteral("busybox"), QStringLiteral("true")})
                     .exitCode,
                 0);
        second.stop();
    }

    void nothingIsLeftAfterRemovalAndACrash()
    {
        const QString server = serve(QStringLiteral("survives"), {QStringLiteral("80")});
        const QString port = hostPortOf(server, QStringLiteral("80"));
        QVERIFY2(rules().contains(QStringLiteral("dport %1 dnat").arg(port)), qPrintable(rules()));
        // The helper dies; the container, its address and its port live on, and the restarted
        // helper writes the same rules again.
        ::kill(pid_t(m_engine.helperPid()), SIGKILL);
        QVERIFY(!m_engine.stopHelper());
        QCOMPARE(fetch(QStringLiteral("http://127.0.0.1:%1/").arg(port)), QStringLiteral("survives\n"));
        QVERIFY2(m_engine.startHelper(), qPrintable(m_engine.errorString()));
        QCOMPARE(fetch(QStringLiteral("http://127.0.0.1:%1/").arg(port)), QStringLiteral("survives\n"));
        QVERIFY2(rules().contains(QStringLiteral("dport %1 dnat").arg(port)), qPrintable(rules()));
        // A new container does not get the adopted one's address.
        const QString other = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"),
                                     QStringLiteral("sleep"), QStringLiteral("1000")})
                                  .out.trimmed();
        QVERIFY(networkSettings(other).value(u"IPAddress") != networkSettings(server).value(u"IPAddress"));

        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), server, other}).exitCode, 0);
        QVERIFY2(!rules().contains(u"dnat to"), qPrintable(rules()));
        // No veth is left on the bridge (the kernel removes them with the namespaces, in the
        // background), which stays, idle.
        const auto bridgePorts = [this] {
            return run(QStringLiteral("ip"),
                       {QStringLiteral("-o"), QStringLiteral("link"), QStringLiteral("show"), QStringLiteral("master"),
                        m_engine.bridge()})
                .out.trimmed();
        };
        QTRY_VERIFY2(bridgePorts().isEmpty(), qPrintable(bridgePorts()));
        const QString links = run(QStringLiteral("ip"), {QStringLiteral("-o"), QStringLiteral("link")}).out;
        QVERIFY2(links.contains(m_engine.bridge() + u':'), qPrintable(links));
    }

private:
    IsolatedEngine m_engine;
    QString m_outside;
};

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
