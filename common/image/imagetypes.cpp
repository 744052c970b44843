#include "imagetypes.h"

#include "jsonvalues.h"

#include <sys/utsname.h>

namespace berth::oci {
namespace {

// Thrown only inside this file and turned into an Error at each parse() boundary: it keeps
// the field-by-field readers free of error plumbing.
struct BadField
{
    QString message;
};

[[noreturn]] void bad(const QString &where, const QString &what)
{
    throw BadField{QStringLiteral("\"%1\" %2").arg(where, what)};
}

QString path(const QString &where, const char *key)
{
    return where.isEmpty() ? QString::fromLatin1(key) : where + u'.' + QLatin1StringView(key);
}

const Json *field(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

QString string(const Json &object, const char *key, const QString &where, bool required = false)
{
    const Json *value = field(object, key);
    if (!value) {
        if (required)
            bad(path(where, key), QStringLiteral("is missing"));
        return {};
    }
    if (!value->is_string())
        bad(path(where, key), QStringLiteral("must be a string"));
    return QString::fromStdString(value->get<std::string>());
}

QStringList strings(const Json &object, const char *key, const QString &where)
{
    const Json *value = field(object, key);
    if (!value)
        return {};
    if (!value->is_array())
        bad(path(where, key), QStringLiteral("must be an array of strings"));
    QStringList list;
    for (const Json &item : *value) {
        if (!item.is_string())
            bad(path(where, key), QStringLiteral("must be an array of strings"));
        list << QString::fromStdString(item.get<std::string>());
    }
    return list;
}

// {"80/tcp": {}} and {"/data": {}}: sets written as objects.
QStringList keysOf(const Json &object, const char *key, const QString &where)
{
    const Json *value = field(object, key);
    if (!value)
        return {};
    if (!value->is_object())
        bad(path(where, key), QStringLiteral("must be an object"));
    QStringList keys;
    for (const auto &[k, v] : value->items())
        keys << QString::fromStdString(k);
    return keys;
}

QMap<QString, QString> stringMap(const Json &object, const char *key, const QString &where)
{
    const Json *value = field(object, key);
    if (!value)
        return {};
    if (!value->is_object())
        bad(path(where, key), QStringLiteral("must be an object of strings"));
    QMap<QString, QString> map;
    for (const auto &[k, v] : value->items()) {
        if (!v.is_string())
            bad(path(where, key), QStringLiteral("must be an object of strings"));
        map.insert(QString::fromStdString(k), QString::fromStdString(v.get<std::string>()));
    }
    return map;
}

Digest digest(const Json &object, const char *key, const QString &where)
{
    auto parsed = Digest::parse(string(object, key, where, true));
    if (!parsed)
        bad(path(where, key), parsed.error().message());
    return *parsed;
}

const Json &object(const Json &json, const QString &where)
{
    if (!json.is_object())
        bad(where, QStringLiteral("must be a JSON object"));
    return json;
}

Json parseDocument(QByteArrayView bytes, const char *what)
{
    if (bytes.size() > kMaxDocumentBytes)
        throw BadField{QStringLiteral("the %1 is larger than %2 bytes").arg(QLatin1StringView(what)).arg(kMaxDocumentBytes)};
    Json json = Json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (json.is_discarded())
        throw BadField{QStringLiteral("the %1 is not valid JSON").arg(QLatin1StringView(what))};
    if (!json.is_object())
        throw BadField{QStringLiteral("the %1 must be a JSON object").arg(QLatin1StringView(what))};
    return json;
}

Descriptor descriptor(const Json &json, const QString &where)
{
    object(json, where);
    Descriptor d;
    d.raw = json;
    d.mediaType = string(json, "mediaType", where, true);
    d.digest = digest(json, "digest", where);
    const Json *size = field(json, "size");
    if (!size || !size->is_number_integer() || size->get<qint64>() < 0)
        bad(path(where, "size"), QStringLiteral("must be a non-negative integer"));
    d.size = size->get<qint64>();
    d.annotations = stringMap(json, "annotations", where);
    if (const Json *platform = field(json, "platform")) {
        const QString at = path(where, "platform");
        object(*platform, at);
        d.platform = Platform{string(*platform, "architecture", at, true), string(*platform, "os", at, true),
                              string(*platform, "variant", at)};
    }
    return d;
}

QList<Descriptor> descriptors(const Json &json, const char *key, bool required)
{
    const Json *list = field(json, key);
    if (!list) {
        if (required)
            bad(QString::fromLatin1(key), QStringLiteral("is missing"));
        return {};
    }
    if (!list->is_array())
        bad(QString::fromLatin1(key), QStringLiteral("must be an array"));
    QList<Descriptor> result;
    for (std::size_t i = 0; i < list->size(); ++i)
        result << descriptor((*list)[i], QStringLiteral("%1[%2]").arg(QLatin1StringView(key)).arg(i));
    return result;
}

int checkedSchemaVersion(const Json &json)
{
    const Json *version = field(json, "schemaVersion");
    if (!version || !version->is_number_integer() || version->get<int>() != 2)
        bad(QStringLiteral("schemaVersion"), QStringLiteral("must be 2"));
    return 2;
}

template<typename F> auto guarded(F parse) -> Result<decltype(parse())>
{
    try {
        return parse();
    } catch (const BadField &error) {
        return Error::invalidArgument(error.message);
    }
}

Json stdString(const QString &s)
{
    return s.toStdString();
}

QByteArray dump(const Json &json)
{
    return QByteArray::fromStdString(json.dump());
}

RunConfig runConfig(const Json &json, const QString &where)
{
    object(json, where);
    RunConfig c;
    c.user = string(json, "User", where);
    c.workingDir = string(json, "WorkingDir", where);
    c.stopSignal = string(json, "StopSignal", where);
    c.env = strings(json, "Env", where);
    c.entrypoint = strings(json, "Entrypoint", where);
    c.cmd = strings(json, "Cmd", where);
    c.exposedPorts = keysOf(json, "ExposedPorts", where);
    c.volumes = keysOf(json, "Volumes", where);
    c.labels = stringMap(json, "Labels", where);
    return c;
}

// Writes a field only when it has a value, so a config round-trips without gaining nulls.
template<typename T> void put(Json &json, const char *key, const T &value, bool present)
{
    if (present)
        json[key] = value;
    else
        json.erase(key);
}

Json runConfigJson(const RunConfig &c, Json json)
{
    put(json, "User", stdString(c.user), !c.user.isEmpty());
    put(json, "WorkingDir", stdString(c.workingDir), !c.workingDir.isEmpty());
    put(json, "StopSignal", stdString(c.stopSignal), !c.stopSignal.isEmpty());
    put(json, "Env", berth::json::array<Json>(c.env), !c.env.isEmpty());
    put(json, "Entrypoint", berth::json::array<Json>(c.entrypoint), !c.entrypoint.isEmpty());
    put(json, "Cmd", berth::json::array<Json>(c.cmd), !c.cmd.isEmpty());
    put(json, "ExposedPorts", berth::json::set<Json>(c.exposedPorts), !c.exposedPorts.isEmpty());
    put(json, "Volumes", berth::json::set<Json>(c.volumes), !c.volumes.isEmpty());
    put(json, "Labels", berth::json::map<Json>(c.labels), !c.labels.isEmpty());
    return json;
}

} // namespace

Json Descriptor::toJson() const
{
    Json json = raw;
    json["mediaType"] = mediaType.toStdString();
    json["digest"] = digest.toString().toStdString();
    json["size"] = size;
    put(json, "annotations", berth::json::map<Json>(annotations), !annotations.isEmpty());
    if (platform) {
        Json p = Json::object();
        p["architecture"] = platform->architecture.toStdString();
        p["os"] = platform->os.toStdString();
        if (!platform->variant.isEmpty())
            p["variant"] = platform->variant.toStdString();
        json["platform"] = p;
    }
    return json;
}

Result<Manifest> Manifest::parse(QByteArrayView bytes)
{
    return guarded([&] {
        const Json json = parseDocument(bytes, "manifest");
        Manifest m;
        m.raw = json;
        m.schemaVersion = checkedSchemaVersion(json);
        m.mediaType = string(json, "mediaType", {});
        if (m.mediaType.isEmpty())
            m.mediaType = media::kManifest; // OCI allows leaving it out
        if (m.mediaType != media::kManifest && m.mediaType != media::kDockerManifest)
            bad(QStringLiteral("mediaType"), QStringLiteral("is \"%1\", not an image manifest").arg(m.mediaType));
        const Json *config = field(json, "config");
        if (!config)
            bad(QStringLiteral("config"), QStringLiteral("is missing"));
        m.config = descriptor(*config, QStringLiteral("config"));
        m.layers = descriptors(json, "layers", true);
        return m;
    });
}

QByteArray Manifest::serialize() const
{
    Json json = raw;
    json["schemaVersion"] = schemaVersion;
    json["mediaType"] = mediaType.toStdString();
    json["config"] = config.toJson();
    Json list = Json::array();
    for (const Descriptor &layer : layers)
        list.push_back(layer.toJson());
    json["layers"] = list;
    return dump(json);
}

Result<Index> Index::parse(QByteArrayView bytes)
{
    return guarded([&] {
        const Json json = parseDocument(bytes, "index");
        Index index;
        index.raw = json;
        index.schemaVersion = checkedSchemaVersion(json);
        index.mediaType = string(json, "mediaType", {});
        if (index.mediaType.isEmpty())
            index.mediaType = media::kIndex;
        if (index.mediaType != media::kIndex && index.mediaType != media::kDockerList)
            bad(QStringLiteral("mediaType"), QStringLiteral("is \"%1\", not an image index").arg(index.mediaType));
        index.manifests = descriptors(json, "manifests", true);
        return index;
    });
}

QByteArray Index::serialize() const
{
    Json json = raw;
    json["schemaVersion"] = schemaVersion;
    json["mediaType"] = mediaType.toStdString();
    Json list = Json::array();
    for (const Descriptor &manifest : manifests)
        list.push_back(manifest.toJson());
    json["manifests"] = list;
    return dump(json);
}

Result<ImageConfig> ImageConfig::parse(QByteArrayView bytes)
{
    return guarded([&] {
        const Json json = parseDocument(bytes, "image config");
        ImageConfig c;
        c.raw = json;
        c.architecture = string(json, "architecture", {}, true);
        c.os = string(json, "os", {}, true);
        c.variant = string(json, "variant", {});
        c.created = string(json, "created", {});
        c.author = string(json, "author", {});
        if (const Json *config = field(json, "config"))
            c.config = runConfig(*config, QStringLiteral("config"));
        const Json *rootfs = field(json, "rootfs");
        if (!rootfs)
            bad(QStringLiteral("rootfs"), QStringLiteral("is missing"));
        object(*rootfs, QStringLiteral("rootfs"));
        if (string(*rootfs, "type", QStringLiteral("rootfs"), true) != u"layers")
            bad(QStringLiteral("rootfs.type"), QStringLiteral("must be \"layers\""));
        const QStringList diffIds = strings(*rootfs, "diff_ids", QStringLiteral("rootfs"));
        for (int i = 0; i < diffIds.size(); ++i) {
            auto id = Digest::parse(diffIds[i]);
            if (!id)
                bad(QStringLiteral("rootfs.diff_ids[%1]").arg(i), id.error().message());
            c.diffIds << *id;
        }
        if (const Json *history = field(json, "history")) {
            if (!history->is_array())
                bad(QStringLiteral("history"), QStringLiteral("must be an array"));
            for (std::size_t i = 0; i < history->size(); ++i) {
                const QString at = QStringLiteral("history[%1]").arg(i);
                const Json &h = object((*history)[i], at);
                const Json *empty = field(h, "empty_layer");
                if (empty && !empty->is_boolean())
                    bad(at + QStringLiteral(".empty_layer"), QStringLiteral("must be true or false"));
                c.history << HistoryEntry{string(h, "created", at), string(h, "created_by", at), string(h, "author", at),
                                          string(h, "comment", at), empty && empty->get<bool>()};
            }
        }
        return c;
    });
}

QByteArray ImageConfig::serialize() const
{
    Json json = raw;
    json["architecture"] = architecture.toStdString();
    json["os"] = os.toStdString();
    put(json, "variant", stdString(variant), !variant.isEmpty());
    put(json, "created", stdString(created), !created.isEmpty());
    put(json, "author", stdString(author), !author.isEmpty());
    json["config"] = runConfigJson(config, json.value("config", Json::object()));
    Json ids = Json::array();
    for (const Digest &id : diffIds)
        ids.push_back(id.toString().toStdString());
    json["rootfs"] = Json{{"type", "layers"}, {"diff_ids", ids}};
    Json entries = Json::array();
    for (const HistoryEntry &h : history) {
        Json e = Json::object();
        put(e, "created", stdString(h.created), !h.created.isEmpty());
        put(e, "created_by", stdString(h.createdBy), !h.createdBy.isEmpty());
        put(e, "author", stdString(h.author), !h.author.isEmpty());
        put(e, "comment", stdString(h.comment), !h.comment.isEmpty());
        put(e, "empty_layer", true, h.emptyLayer);
        entries.push_back(e);
    }
    put(json, "history", entries, !history.isEmpty());
    return dump(json);
}

Platform hostPlatform()
{
    utsname uts{};
    ::uname(&uts);
    const QString machine = QString::fromLatin1(uts.machine);
    QString architecture = machine; // ppc64le, s390x, riscv64 have the same names
    if (machine == u"x86_64")
        architecture = QStringLiteral("amd64");
    else if (machine == u"aarch64")
        architecture = QStringLiteral("arm64");
    else if (machine.startsWith(u"armv"))
        architecture = QStringLiteral("arm");
    else if (machine == u"i686" || machine == u"i386")
        architecture = QStringLiteral("386");
    return {architecture, QStringLiteral("linux"), {}};
}

QString layerMediaType(QByteArrayView head)
{
    if (head.startsWith("\x1f\x8b"))
        return media::kLayerGzip;
    if (head.startsWith("\x28\xb5\x2f\xfd"))
        return media::kLayerZstd;
    return media::kLayer;
}

QVariant toVariant(const Json &json)
{
    switch (json.type()) {
    case Json::value_t::object: {
        QVariantMap map;
        for (const auto &[key, value] : json.items())
            map.insert(QString::fromStdString(key), toVariant(value));
        return map;
    }
    case Json::value_t::array: {
        QVariantList list;
        for (const Json &value : json)
            list << toVariant(value);
        return list;
    }
    case Json::value_t::string: return QString::fromStdString(json.get<std::string>());
    case Json::value_t::boolean: return json.get<bool>();
    case Json::value_t::number_integer: return qint64(json.get<std::int64_t>());
    case Json::value_t::number_unsigned: return quint64(json.get<std::uint64_t>());
    case Json::value_t::number_float: return json.get<double>();
    default: return {};
    }
}

} // namespace berth::oci
