// Every method the XML declares must have an authorization rule; the gate refuses the rest.

#include "containers/containerengine.h"
#include "containers/containerstore.h"
#include "layers/layerstore.h"
#include "service/authority.h"
#include "service/callertracker.h"
#include "service/gate.h"
#include "service/jobmanager.h"
#include "service/methodrules.h"
#include "store/blobstore.h"
#include "store/imagestore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace berth;

namespace {

QList<std::pair<QString, QString>> declaredMethods()
{
    QList<std::pair<QString, QString>> methods;
    const QDir dir(QStringLiteral(BERTH_DBUS_DIR));
    for (const QString &name : dir.entryList({QStringLiteral("org.berth.*.xml")})) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QXmlStreamReader xml(&file);
        QString interface;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"interface")
                interface = xml.attributes().value(QStringLiteral("name")).toString();
            else if (xml.name() == u"method")
                methods.append({interface, xml.attributes().value(QStringLiteral("name")).toString()});
        }
    }
    return methods;
}

} // namespace

class TestMethodRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyDeclaredMethodHasARule()
    {
        QDBusConnection bus(QStringLiteral("not-connected"));
        Authority authority(bus);
        CallerTracker callers(bus);
        Gate gate(bus, authority, callers);
        JobManager jobs(bus, gate, 1);
        QTemporaryDir root; // the stores are made, never opened
        BlobStore blobs(root.path());
        LayerStore layers(root.path());
        ImageStore images(root.path(), blobs, layers);
        ContainerStore store(root.path());
        ContainerEngine containers(store, images, layers, {});
        addMethodRules(gate, jobs, containers);

        const auto methods = declaredMethods();
        QVERIFY(methods.size() >= 7);
        for (const auto &[interface, member] : methods)
            QVERIFY2(gate.hasRule(interface, member), qPrintable(interface + u'.' + member + QStringLiteral(" has no rule")));
        QVERIFY(!gate.hasRule(QStringLiteral("org.berth.Engine1.System"), QStringLiteral("RunAnything")));
    }
};

QTEST_GUILESS_MAIN(TestMethodRules)
#include "tst_methodrules.moc"
