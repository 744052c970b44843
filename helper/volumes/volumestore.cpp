#include "volumestore.h"

#include "asciitext.h"
#include "system/fileops.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

namespace berth {
namespace {

using Json = nlohmann::ordered_json;

QByteArray toJson(const VolumeRecord &volume)
{
    Json labels = Json::object();
    for (auto it = volume.labels.cbegin(); it != volume.labels.cend(); ++it)
        labels[it.key().toStdString()] = it.value().toStdString();
    return QByteArray::fromStdString(Json{
        {"Name", volume.name.toStdString()},
        {"CreatedAt", volume.created.toStdString()},
        {"Labels", labels},
        {"Anonymous", volume.anonymous}}.dump(2));
}

std::optional<VolumeRecord> fromJson(const QByteArray &bytes)
{
    const Json json = Json::parse(bytes.toStdString(), nullptr, false);
    if (!json.is_object() || !json.contains("Name") || !json["Name"].is_string())
        return std::nullopt;
    VolumeRecord volume;
    volume.name = QString::fromStdString(json["Name"].get<std::string>());
    volume.created = QString::fromStdString(json.value("CreatedAt", std::string()));
    volume.anonymous = json.value("Anonymous", false);
    if (const auto labels = json.find("Labels"); labels != json.end() && labels->is_object())
        for (const auto &[key, value] : labels->items())
            if (value.is_string())
                volume.labels.insert(QString::fromStdString(key), QString::fromStdString(value.get<std::string>()));
    if (!VolumeStore::isValidName(volume.name))
        return std::nullopt;
    return volume;
}

} // namespace

VolumeStore::VolumeStore(QString directory)
    : m_directory(std::move(directory))
{ }

bool VolumeStore::isValidName(const QString &name)
{
    return name.size() <= 255 && ascii::isRestrictedName(name);
}

Result<void> VolumeStore::load()
{
    if (!QDir().mkpath(m_directory))
        return Error::unavailable(QStringLiteral("cannot create %1").arg(m_directory));
    if (auto cleared = removeLeftovers(m_directory); !cleared)
        return cleared;
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(dir.filePath(name + QStringLiteral("/volume.json")));
        std::optional<VolumeRecord> volume;
        if (file.open(QIODevice::ReadOnly) && file.size() < 1024 * 1024)
            volume = fromJson(file.readAll());
        if (volume && volume->name == name)
            m_volumes.insert(name, *volume);
    }
    return {};
}

Result<VolumeRecord> VolumeStore::find(const QString &name) const
{
    const auto it = m_volumes.constFind(name);
    if (it == m_volumes.cend())
        return Error::notFound(QStringLiteral("get %1: no such volume").arg(name));
    return *it;
}

QList<VolumeRecord> VolumeStore::list() const
{
    return m_volumes.values();
}

QString VolumeStore::dataPath(const QString &name) const
{
    return QDir(m_directory).filePath(name + QStringLiteral("/_data"));
}

qint64 VolumeStore::sizeOf(const QString &name) const
{
    qint64 size = 0;
    QDirIterator it(dataPath(name), QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext())
        size += it.nextFileInfo().size();
    return size;
}

Result<VolumeRecord> VolumeStore::create(const QString &name, const QMap<QString, QString> &labels, bool anonymous)
{
    if (!isValidName(name))
        return Error::invalidArgument(
            QStringLiteral("create %1: \"%1\" includes invalid characters for a local volume name, only "
                           "\"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed")
                .arg(name));
    if (const auto existing = m_volumes.constFind(name); existing != m_volumes.cend())
        return *existing;
    VolumeRecord volume{name, QDateTime::currentDateTimeUtc().toString(Qt::ISODate), labels, anonymous};
    // Made whole under a temporary name, then renamed: a crash leaves no half volume.
    const QString staging = QDir(m_directory).filePath(QStringLiteral(".new-") + name);
    (void)removeTree(staging);
    if (!QDir().mkpath(staging + QStringLiteral("/_data")))
        return Error::unavailable(QStringLiteral("cannot create the volume %1").arg(name));
    // Like a fresh directory in any image: everyone may look in, root may write.
    ::chmod(QFile::encodeName(staging + QStringLiteral("/_data")).constData(), 0755);
    if (auto written = writeFileAtomically(staging + QStringLiteral("/volume.json"), toJson(volume)); !written)
        return written.error();
    if (!QDir().rename(staging, QDir(m_directory).filePath(name)))
        return Error::unavailable(QStringLiteral("cannot create the volume %1").arg(name));
    m_volumes.insert(name, volume);
    return volume;
}

Result<void> VolumeStore::remove(const QString &name, const QStringList &users)
{
    if (!m_volumes.contains(name))
        return Error::notFound(QStringLiteral("get %1: no such volume").arg(name));
    if (!users.isEmpty())
        return Error::conflict(QStringLiteral("remove %1: volume is in use - [%2]").arg(name, users.join(QStringLiteral(", "))));
    // Renamed away first, so a crash halfway never leaves a half volume under its name.
    if (auto removed = removeTreeLater(QDir(m_directory).filePath(name)); !removed)
        return Error::unavailable(QStringLiteral("cannot remove the volume %1: %2").arg(name, removed.error().message()));
    m_volumes.remove(name);
    return {};
}

} // namespace berth
