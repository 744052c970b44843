#include "inspect.h"

#include "engineclient.h"
#include "output.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace berth::cli {

QJsonArray inspectEach(EngineClient &engine, const QStringList &names, const QString &interface, const QString &path,
                       const QString &method, int &exitCode)
{
    QJsonArray found;
    for (const QString &name : names) {
        const auto reply = engine.call(interface, method, {name, QVariantMap{}}, path);
        if (!reply) {
            if (engine.unreachable()) {
                exitCode = engine.report(reply.error());
                return {};
            }
            err() << QCoreApplication::translate("ContainerCommand", "Error: %1").arg(reply.error().message()) << Qt::endl;
            exitCode = Failure;
            continue;
        }
        found.append(QJsonDocument::fromJson(reply->value(0).toString().toUtf8()).object());
    }
    return found;
}

void printJsonArray(const QJsonArray &array)
{
    out() << (array.isEmpty() ? QByteArray("[]\n") : QJsonDocument(array).toJson(QJsonDocument::Indented));
    out().flush();
}

} // namespace berth::cli
