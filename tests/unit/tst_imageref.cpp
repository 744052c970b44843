#include "image/configchange.h"
#include "image/imageref.h"
#include "image/imagetypes.h"

#include <QTest>

using namespace berth;

class TestImageRef : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalizesLikeDocker_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<QString>("familiar");
        const QString digest = QStringLiteral("sha256:") + QString(64, u'a');
        QTest::newRow("short") << "busybox"
                               << "docker.io/library/busybox:latest"
                               << "busybox:latest";
        QTest::newRow("tag") << "busybox:1.36"
                             << "docker.io/library/busybox:1.36"
                             << "busybox:1.36";
        QTest::newRow("user") << "me/app"
                              << "docker.io/me/app:latest"
                              << "me/app:latest";
        QTest::newRow("index alias") << "index.docker.io/library/alpine"
                                     << "docker.io/library/alpine:latest"
                                     << "alpine:latest";
        QTest::newRow("host port") << "host:5000/a/b"
                                   << "host:5000/a/b:latest"
                                   << "host:5000/a/b:latest";
        QTest::newRow("localhost") << "localhost/x:y"
                                   << "localhost/x:y"
                                   << "localhost/x:y";
        QTest::newRow("digest") << QStringLiteral("host:5000/a/b@") + digest << QStringLiteral("host:5000/a/b@") + digest
                                << QStringLiteral("host:5000/a/b@") + digest;
        QTest::newRow("separators") << "a.b_c__d-e--f"
                                    << "docker.io/library/a.b_c__d-e--f:latest"
                                    << "a.b_c__d-e--f:latest";
        QTest::newRow("ipv6 host") << "[::1]:5000/a:1"
                                   << "[::1]:5000/a:1"
                                   << "[::1]:5000/a:1";
        QTest::newRow("dashed host") << "my-registry.local/a_b/c:v1.2_x-y"
                                     << "my-registry.local/a_b/c:v1.2_x-y"
                                     << "my-registry.local/a_b/c:v1.2_x-y";
    }

    void normalizesLikeDocker()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalized);
        QFETCH(QString, familiar);
        const auto ref = ImageRef::parse(input);
        QVERIFY2(ref.ok(), ref.ok() ? "" : qPrintable(ref.error().message()));
        QCOMPARE(ref->toString(), normalized);
        QCOMPARE(ref->familiarString(), familiar);
    }

    void refusesInvalidNames_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("uppercase") << "Busybox"
                                   << "lowercase";
        QTest::newRow("bad tag") << "busybox:-x"
                                 << "tag";
        QTest::newRow("long tag") << QStringLiteral("a:") + QString(129, u't') << "tag";
        QTest::newRow("double dot") << "a..b"
                                    << "component";
        QTest::newRow("trailing slash") << "a/"
                                        << "component";
        QTest::newRow("space") << "a b"
                               << "component";
        QTest::newRow("image id") << QString(64, u'f') << "image id";
        QTest::newRow("bad digest") << "a@sha256:xyz"
                                    << "digest";
        QTest::newRow("other algorithm") << QStringLiteral("a@md5:") + QString(32, u'a') << "sha256";
        QTest::newRow("too long") << QString(256, u'a') << "255";
        QTest::newRow("newline") << "a\nb"
                                 << "component";
        // Docker's (Go's) \w and [a-z] are ASCII; so are Berth's.
        QTest::newRow("non-ASCII tag") << QStringLiteral("busybox:\u00e4") << "tag";
        QTest::newRow("non-ASCII name") << QStringLiteral("caf\u00e9") << "component";
        QTest::newRow("triple underscore") << "a___b"
                                           << "component";
        QTest::newRow("leading separator") << "-a"
                                           << "component";
        QTest::newRow("host label ends in a dash") << "host-.local/a"
                                                   << "registry host";
        QTest::newRow("port not digits") << "host:50x0/a"
                                         << "registry host";
        QTest::newRow("unclosed ipv6") << "[::1:5000/a"
                                       << "registry host";
    }

    void refusesInvalidNames()
    {
        QFETCH(QString, input);
        QFETCH(QString, mentions);
        const auto ref = ImageRef::parse(input);
        QVERIFY(!ref.ok());
        QCOMPARE(ref.error().kind(), ErrorKind::InvalidArgument);
        QVERIFY2(ref.error().message().contains(mentions), qPrintable(ref.error().message()));
    }

    void digestGrammarIsStrict()
    {
        QVERIFY(Digest::parse(QStringLiteral("sha256:") + QString(64, u'0')).ok());
        QVERIFY(!Digest::parse(QStringLiteral("sha256:") + QString(64, u'A')).ok());
        QVERIFY(!Digest::parse(QStringLiteral("sha256:") + QString(63, u'0')).ok());
        QVERIFY(!Digest::parse(QStringLiteral("sha256:../../etc/passwd")).ok());
        QCOMPARE(Digest::ofBytes("").toString(),
                 QStringLiteral("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void configRoundTripKeepsUnknownFields()
    {
        const QByteArray json = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"x-future\":{\"a\":1},\n"
                                "            "
                                "\"config\":{\"Cmd\":[\"sh\"],\"Env\":[\"PATH=/bin\"],\"ExposedPorts\":{\"80/"
                                "tcp\":{}},\"Healthcheck\":{\"Test\":[\"NONE\"]}},\n"
                                "            \"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:"
            + QByteArray(64, 'b')
            + "\"]},\n"
              "            \"history\":[{\"created_by\":\"/bin/sh -c x\",\"empty_layer\":true}]}";
        const auto config = oci::ImageConfig::parse(json);
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message()));
        QCOMPARE(config->config.cmd, QStringList{QStringLiteral("sh")});
        QCOMPARE(config->config.exposedPorts, QStringList{QStringLiteral("80/tcp")});
        QCOMPARE(config->history.at(0).emptyLayer, true);
        const QByteArray out = config->serialize();
        QVERIFY(out.contains("x-future"));
        QVERIFY(out.contains("Healthcheck"));
        const auto again = oci::ImageConfig::parse(out);
        QVERIFY(again.ok());
        QCOMPARE(again->diffIds, config->diffIds);
    }

    void configChangesLikeDockerImport()
    {
        oci::RunConfig config;
        QVERIFY(applyConfigChange(config, QStringLiteral("CMD [\"/bin/app\", \"-v\"]")).ok());
        QCOMPARE(config.cmd, QStringList({QStringLiteral("/bin/app"), QStringLiteral("-v")}));
        QVERIFY(applyConfigChange(config, QStringLiteral("ENTRYPOINT run it")).ok());
        QCOMPARE(config.entrypoint, QStringList({QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("run it")}));
        QVERIFY(applyConfigChange(config, QStringLiteral("ENV A=1 B=\"two words\"")).ok());
        QVERIFY(applyConfigChange(config, QStringLiteral("env A 3")).ok());
        QCOMPARE(config.env, QStringList({QStringLiteral("A=3"), QStringLiteral("B=two words")}));
        QVERIFY(applyConfigChange(config, QStringLiteral("EXPOSE 80 53/udp")).ok());
        QCOMPARE(config.exposedPorts, QStringList({QStringLiteral("80/tcp"), QStringLiteral("53/udp")}));
        QVERIFY(applyConfigChange(config, QStringLiteral("WORKDIR /srv")).ok());
        QVERIFY(applyConfigChange(config, QStringLiteral("USER 1000:1000")).ok());
        QVERIFY(applyConfigChange(config, QStringLiteral("LABEL org.example.v=2")).ok());
        QCOMPARE(config.labels.value(QStringLiteral("org.example.v")), QStringLiteral("2"));
        QVERIFY(applyConfigChange(config, QStringLiteral("VOLUME [\"/data\"]")).ok());
        QCOMPARE(config.volumes, QStringList{QStringLiteral("/data")});
    }

    void badConfigChangesAreRefused_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown") << "RUN rm -rf /"
                                 << "cannot be changed here";
        QTest::newRow("empty") << "CMD"
                               << "needs an argument";
        QTest::newRow("port") << "EXPOSE 70000"
                              << "invalid port";
        QTest::newRow("port text") << "EXPOSE http"
                                   << "invalid port";
        QTest::newRow("relative workdir") << "WORKDIR srv"
                                          << "absolute";
    }

    void badConfigChangesAreRefused()
    {
        QFETCH(QString, change);
        QFETCH(QString, mentions);
        oci::RunConfig config;
        const auto applied = applyConfigChange(config, change);
        QVERIFY(!applied.ok());
        QVERIFY2(applied.error().message().contains(mentions), qPrintable(applied.error().message()));
    }

    void badDocumentsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        const QByteArray d = "\"sha256:" + QByteArray(64, 'c') + "\"";
        QTest::newRow("not json") << QByteArray("{") << "not valid JSON";
        QTest::newRow("schema") << QByteArray("{\"schemaVersion\":1}") << "schemaVersion";
        QTest::newRow("no config") << QByteArray("{\"schemaVersion\":2,\"layers\":[]}") << "config";
        QTest::newRow("bad digest") << QByteArray(
            "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"sha256:zz\",\"size\":1},\"layers\":[]}")
                                    << "config.digest";
        QTest::newRow("negative size") << QByteArray("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":" + d
                                                     + ",\"size\":-1},\"layers\":[]}")
                                       << "config.size";
        QTest::newRow("layer type") << QByteArray("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":" + d
                                                  + ",\"size\":1},\"layers\":[{\"mediaType\":1}]}")
                                    << "layers[0].mediaType";
        QTest::newRow("huge") << QByteArray(oci::kMaxDocumentBytes + 1, ' ') << "larger than";
    }

    void badDocumentsNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const auto manifest = oci::Manifest::parse(json);
        QVERIFY(!manifest.ok());
        QCOMPARE(manifest.error().kind(), ErrorKind::InvalidArgument);
        QVERIFY2(manifest.error().message().contains(mentions), qPrintable(manifest.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestImageRef)
#include "tst_imageref.moc"
