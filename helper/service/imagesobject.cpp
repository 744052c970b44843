#include "imagesobject.h"

#include "containers/containerengine.h"

#include "eventbus.h"
#include "image/configchange.h"
#include "imagesadaptor.h"
#include "jobmanager.h"
#include "jobs/importjob.h"
#include "jobs/loadjob.h"
#include "jobs/pulljob.h"
#include "jobs/pushjob.h"
#include "jobs/savejob.h"
#include "jsonvalues.h"
#include "layers/layerchanges.h"
#include "layers/layerstore.h"
#include "passedstream.h"
#include "registry/registry.h"
#include "store/blobstore.h"
#include "store/imagefilter.h"
#include "store/imagestore.h"
#include "timestamps.h"

#include <QDBusArgument>

namespace berth {
namespace {

// The person's credentials for the registry, handed in with the call (never stored here).
std::optional<RegistryCredentials> credentialsFrom(const QVariantMap &options)
{
    const QString username = options.value(QStringLiteral("username")).toString();
    if (username.isEmpty())
        return std::nullopt;
    return RegistryCredentials{username, options.value(QStringLiteral("password")).toString()};
}

QStringList familiar(const QStringList &references)
{
    QStringList names;
    for (const QString &reference : references)
        if (auto ref = ImageRef::parse(reference))
            names << ref->familiarString();
    return names;
}

Result<ImageFilter> filterFrom(const QVariantMap &options)
{
    ImageFilter filter;
    const QVariantMap filters = qdbus_cast<QVariantMap>(options.value(QStringLiteral("filters")));
    for (auto it = filters.cbegin(); it != filters.cend(); ++it) {
        const QVariant value = it.value().metaType() == QMetaType::fromType<QDBusVariant>()
            ? it.value().value<QDBusVariant>().variant()
            : it.value();
        if (it.key() == u"dangling" && value.metaType().id() == QMetaType::Bool)
            filter.dangling = value.toBool();
        else if (it.key() == u"reference" && value.metaType().id() == QMetaType::QStringList)
            filter.references = value.toStringList();
        else if (it.key() == u"before" && value.metaType().id() == QMetaType::QString)
            filter.before = value.toString();
        else if (it.key() == u"since" && value.metaType().id() == QMetaType::QString)
            filter.since = value.toString();
        else
            return Error::invalidArgument(
                QStringLiteral("invalid filter \"%1\": use dangling (b), reference (as), before (s) or since (s)").arg(it.key()));
    }
    return filter;
}

QVariantMap removalReply(const RemovalReport &report)
{
    return {{QStringLiteral("Untagged"), report.untagged},
            {QStringLiteral("Deleted"), report.deleted},
            {QStringLiteral("SpaceReclaimed"), quint64(report.reclaimed)}};
}

} // namespace

ImagesObject::ImagesObject(Gate &gate, Stores stores, ContainerEngine &containers, JobManager &jobs, EventBus &events,
                           QObject *parent)
    : GatedObject(gate, parent)
    , m_blobs(stores.blobs)
    , m_images(stores.images)
    , m_layers(stores.layers)
    , m_containers(containers)
    , m_jobs(jobs)
    , m_events(events)
{
    new ImagesAdaptor(this);
}

QList<QVariantMap> ImagesObject::ListImages(const QVariantMap &options)
{
    admit([this, options](const Call &) { return list(options); });
    return {};
}

QString ImagesObject::InspectImage(const QString &image, const QVariantMap &)
{
    admit([this, image](const Call &) { return inspect(image); });
    return {};
}

QList<QVariantMap> ImagesObject::ImageHistory(const QString &image, const QVariantMap &)
{
    admit([this, image](const Call &) { return history(image); });
    return {};
}

QVariantMap ImagesObject::LayerChanges(const QString &layer, const QVariantMap &)
{
    admit([this, layer](const Call &) { return changes(layer); });
    return {};
}

QDBusObjectPath ImagesObject::LoadImages(const QDBusUnixFileDescriptor &archive, const QVariantMap &)
{
    admit([this, archive](const Call &call) { return load(archive, call); });
    return {};
}

QDBusObjectPath ImagesObject::ImportImage(const QDBusUnixFileDescriptor &tarball, const QVariantMap &options)
{
    admit([this, tarball, options](const Call &call) { return importImage(tarball, options, call); });
    return {};
}

QDBusObjectPath ImagesObject::SaveImages(const QStringList &images, const QDBusUnixFileDescriptor &output, const QVariantMap &)
{
    admit([this, images, output](const Call &call) { return save(images, output, call); });
    return {};
}

void ImagesObject::TagImage(const QString &image, const QString &target, const QVariantMap &)
{
    admit([this, image, target](const Call &) { return tag(image, target); });
}

QVariantMap ImagesObject::RemoveImage(const QString &image, const QVariantMap &options)
{
    admit([this, image, options](const Call &) -> Reply {
        auto report = m_images.remove(image, options.value(QStringLiteral("force")).toBool());
        if (!report)
            return report.error();
        for (const QString &name : report->untagged)
            m_events.publish({QStringLiteral("image"), QStringLiteral("untag"), name, {{QStringLiteral("name"), name}}});
        for (const QString &id : report->deleted)
            m_events.publish({QStringLiteral("image"), QStringLiteral("delete"), id, {}});
        return QVariantList{removalReply(*report)};
    });
    return {};
}

QVariantMap ImagesObject::PruneImages(const QVariantMap &options)
{
    admit([this, options](const Call &) -> Reply {
        auto report = m_images.prune(options.value(QStringLiteral("all")).toBool());
        if (!report)
            return report.error();
        m_events.publish({QStringLiteral("image"),
                          QStringLiteral("prune"),
                          {},
                          {{QStringLiteral("reclaimed"), QString::number(report->reclaimed)}}});
        return QVariantList{removalReply(*report)};
    });
    return {};
}

QVariantMap ImagesObject::summary(const ImageRecord &image) const
{
    QList<QVariantMap> layers;
    const auto config = m_images.config(image);
    QStringList createdBy;
    if (config)
        for (const oci::HistoryEntry &step : config->history)
            if (!step.emptyLayer)
                createdBy << step.createdBy;
    for (int i = 0; i < image.chainIds.size(); ++i) {
        const auto layer = m_layers.record(image.chainIds[i]);
        layers << QVariantMap{{QStringLiteral("ChainId"), image.chainIds[i].toString()},
                              {QStringLiteral("DiffId"), layer ? layer->diffId.toString() : QString()},
                              {QStringLiteral("Size"), quint64(layer ? layer->size : 0)},
                              {QStringLiteral("CreatedBy"), createdBy.value(i)}};
    }
    return {{QStringLiteral("Id"), image.id.toString()},
            {QStringLiteral("RepoTags"), familiar(image.tags)},
            {QStringLiteral("RepoDigests"), QStringList{}},
            {QStringLiteral("Created"), secondsSinceEpoch(image.created)},
            {QStringLiteral("Size"), quint64(image.size)},
            {QStringLiteral("Layers"), QVariant::fromValue(layers)},
            {QStringLiteral("Containers"), 0u}};
}

Reply ImagesObject::list(const QVariantMap &options) const
{
    auto filter = filterFrom(options);
    if (!filter)
        return filter.error();
    auto images = filter->apply(m_images, m_images.list());
    if (!images)
        return images.error();
    std::sort(images->begin(), images->end(), [](const ImageRecord &a, const ImageRecord &b) {
        return secondsSinceEpoch(a.created) > secondsSinceEpoch(b.created);
    });
    QList<QVariantMap> rows;
    for (const ImageRecord &image : *images)
        rows << summary(image);
    return QVariantList{QVariant::fromValue(rows)};
}

Result<std::pair<ImageRecord, oci::ImageConfig>> ImagesObject::imageWithConfig(const QString &name) const
{
    auto image = m_images.find(name);
    if (!image)
        return image.error();
    auto config = m_images.config(*image);
    if (!config)
        return config.error();
    return std::pair{*image, *config};
}

Reply ImagesObject::inspect(const QString &name) const
{
    auto found = imageWithConfig(name);
    if (!found)
        return found.error();
    const auto &[image, config] = *found;
    oci::Json diffIds = oci::Json::array();
    for (const Digest &id : config.diffIds)
        diffIds.push_back(id.toString().toStdString());
    oci::Json json{{"Id", image.id.toString().toStdString()},
                   {"RepoTags", berth::json::array<oci::Json>(familiar(image.tags))},
                   {"RepoDigests", oci::Json::array()},
                   {"Parent", ""},
                   {"Comment", config.history.isEmpty() ? std::string() : config.history.last().comment.toStdString()},
                   {"Created", config.created.toStdString()},
                   {"Author", config.author.toStdString()},
                   {"Config", config.raw.value("config", oci::Json::object())},
                   {"Architecture", config.architecture.toStdString()},
                   {"Os", config.os.toStdString()},
                   {"Size", image.size},
                   {"RootFS", {{"Type", "layers"}, {"Layers", diffIds}}},
                   {"Metadata", {{"Manifest", image.manifest.toString().toStdString()}}}};
    if (!config.variant.isEmpty())
        json["Variant"] = config.variant.toStdString();
    return QVariantList{QString::fromStdString(json.dump())};
}

Reply ImagesObject::history(const QString &name) const
{
    auto found = imageWithConfig(name);
    if (!found)
        return found.error();
    const auto &[image, config] = *found;
    QList<QVariantMap> steps;
    int layer = 0;
    for (const oci::HistoryEntry &step : config.history) {
        quint64 size = 0;
        if (!step.emptyLayer && layer < image.chainIds.size())
            if (const auto record = m_layers.record(image.chainIds[layer++]))
                size = quint64(record->size);
        steps.prepend({{QStringLiteral("Id"), QStringLiteral("<missing>")},
                       {QStringLiteral("Created"), secondsSinceEpoch(step.created)},
                       {QStringLiteral("CreatedBy"), step.createdBy},
                       {QStringLiteral("Size"), size},
                       {QStringLiteral("Comment"), step.comment},
                       {QStringLiteral("EmptyLayer"), step.emptyLayer}});
    }
    if (!steps.isEmpty())
        steps.first()[QStringLiteral("Id")] = image.id.toString();
    return QVariantList{QVariant::fromValue(steps)};
}

Reply ImagesObject::changes(const QString &layer) const
{
    auto chainId = Digest::parse(layer);
    if (!chainId)
        return chainId.error();
    auto result = layerChanges(m_layers, *chainId);
    if (!result)
        return result.error();
    static const QString kinds[] = {QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("D")};
    QList<QVariantMap> rows;
    for (const LayerChange &change : std::as_const(result->changes))
        rows << QVariantMap{{QStringLiteral("Path"), change.path},
                            {QStringLiteral("Change"), kinds[int(change.kind)]},
                            {QStringLiteral("Size"), change.size}};
    return QVariantList{QVariantMap{{QStringLiteral("Changes"), QVariant::fromValue(rows)},
                                    {QStringLiteral("AddedBytes"), result->addedBytes},
                                    {QStringLiteral("Truncated"), result->truncated}}};
}

Reply ImagesObject::load(const QDBusUnixFileDescriptor &archive, const Call &call)
{
    auto fd = passedStream(archive, false);
    if (!fd)
        return fd.error();
    auto job = std::make_unique<LoadJob>(std::move(*fd), m_blobs, m_layers, m_images, call.uid);
    connect(job.get(), &LoadJob::imagesLoaded, this, [this](const QStringList &names) {
        for (const QString &name : names)
            m_events.publish({QStringLiteral("image"), QStringLiteral("load"), name, {{QStringLiteral("name"), name}}});
    });
    return jobReply(m_jobs.add(std::move(job), call));
}

Result<void> ImagesObject::readImageOptions(const QVariantMap &options, ImportJob::Request &request) const
{
    request.message = options.value(QStringLiteral("message")).toString();
    request.author = options.value(QStringLiteral("author")).toString();
    if (options.contains(QStringLiteral("reference"))) {
        auto ref = ImageRef::parse(options.value(QStringLiteral("reference")).toString());
        if (!ref)
            return ref.error();
        if (ref->digest())
            return Error::invalidArgument(QStringLiteral("an image made here cannot be named by a digest"));
        request.reference = ref->toString();
    }
    for (const QString &change : qdbus_cast<QStringList>(options.value(QStringLiteral("changes"))))
        if (auto applied = applyConfigChange(request.config, change); !applied)
            return applied;
    return {};
}

Reply ImagesObject::startImageJob(std::unique_ptr<ImportJob> job, const QString &action, const Call &call)
{
    connect(job.get(), &ImportJob::imageImported, this, [this, action](const QString &id, const QString &name) {
        m_events.publish({QStringLiteral("image"), action, id, {{QStringLiteral("name"), name}}});
    });
    return jobReply(m_jobs.add(std::move(job), call));
}

Reply ImagesObject::importImage(const QDBusUnixFileDescriptor &tarball, const QVariantMap &options, const Call &call)
{
    ImportJob::Request request;
    if (auto read = readImageOptions(options, request); !read)
        return read.error();
    auto fd = passedStream(tarball, false);
    if (!fd)
        return fd.error();
    return startImageJob(std::make_unique<ImportJob>(std::move(*fd), request, m_blobs, m_layers, m_images, call.uid),
                         QStringLiteral("import"), call);
}

void ImagesObject::setRegistrySettings(RegistryAccess settings)
{
    m_registrySettings = std::move(settings);
}

RegistryAccess ImagesObject::accessFrom(const QVariantMap &options) const
{
    RegistryAccess access = m_registrySettings;
    access.credentials = credentialsFrom(options);
    return access;
}

QDBusObjectPath ImagesObject::PullImage(const QString &reference, const QVariantMap &options)
{
    admit([this, reference, options](const Call &call) { return pull(reference, options, call); });
    return {};
}

Reply ImagesObject::pull(const QString &reference, const QVariantMap &options, const Call &call)
{
    auto ref = ImageRef::parse(reference);
    if (!ref)
        return ref.error();
    oci::Platform platform = oci::hostPlatform();
    if (const QString asked = options.value(QStringLiteral("platform")).toString(); !asked.isEmpty()) {
        const QStringList parts = asked.split(u'/');
        if (parts.size() < 2 || parts.size() > 3 || parts.contains(QString()))
            return Error::invalidArgument(
                QStringLiteral("invalid platform \"%1\": use os/architecture[/variant], as linux/arm64").arg(asked));
        platform = oci::Platform{parts[1], parts[0], parts.value(2)};
    }
    auto job = std::make_unique<PullJob>(*ref, platform, accessFrom(options), m_blobs, m_layers, m_images, call.uid);
    connect(job.get(), &PullJob::imagePulled, this, [this](const QString &id, const QString &name) {
        m_events.publish({QStringLiteral("image"),
                          QStringLiteral("pull"),
                          name,
                          {{QStringLiteral("name"), name}, {QStringLiteral("id"), id}}});
    });
    return jobReply(m_jobs.add(std::move(job), call));
}

void ImagesObject::withRegistry(const QString &registry, const QVariantMap &options, std::function<Reply(Registry &)> work,
                                const Respond &respond)
{
    respondFromThread(
        this,
        [registry, access = accessFrom(options), work = std::move(work)] {
            auto client = openRegistry(registry, access, nullptr);
            if (!client)
                return Reply(client.error());
            return work(**client);
        },
        respond);
}

void ImagesObject::CheckRegistryLogin(const QString &registry, const QVariantMap &options)
{
    admitDeferred([this, registry, options](const Call &, const Respond &respond) {
        withRegistry(
            registry, options,
            [](Registry &client) -> Reply {
                if (auto accepted = client.login(); !accepted)
                    return accepted.error();
                return QVariantList{};
            },
            respond);
    });
}

QList<QVariantMap> ImagesObject::SearchRegistry(const QString &registry, const QString &term, const QVariantMap &options)
{
    const int limit = std::clamp(options.value(QStringLiteral("limit"), 25).toInt(), 1, 1000);
    admitDeferred([this, registry, term, limit, options](const Call &, const Respond &respond) {
        withRegistry(
            registry, options,
            [term, limit](Registry &client) -> Reply {
                if (auto reached = client.ping(); !reached)
                    return reached.error();
                auto repositories = client.catalog(1000);
                if (!repositories)
                    return repositories.error();
                QList<QVariantMap> rows;
                for (const QString &repository : std::as_const(*repositories)) {
                    if (!repository.contains(term, Qt::CaseInsensitive))
                        continue;
                    if (rows.size() >= limit)
                        break;
                    client.setScope(repository, false);
                    auto tags = client.tags(repository);
                    rows << QVariantMap{{QStringLiteral("Name"), repository},
                                        {QStringLiteral("Tags"), tags ? *tags : QStringList{}}};
                }
                return QVariantList{QVariant::fromValue(rows)};
            },
            respond);
    });
    return {};
}

QStringList ImagesObject::ListRegistryTags(const QString &repository, const QVariantMap &options)
{
    admitDeferred([this, repository, options](const Call &, const Respond &respond) {
        auto ref = ImageRef::parse(repository);
        if (!ref)
            return respond(ref.error());
        if (ref->digest() || repository.section(u'/', -1).contains(u':'))
            return respond(
                Error::invalidArgument(QStringLiteral("name a repository without a tag or digest, not \"%1\"").arg(repository)));
        withRegistry(
            ref->domain(), options,
            [path = ref->path()](Registry &client) -> Reply {
                if (auto reached = client.ping(); !reached)
                    return reached.error();
                client.setScope(path, false);
                auto tags = client.tags(path);
                if (!tags)
                    return tags.error();
                return QVariantList{*tags};
            },
            respond);
    });
    return {};
}

QDBusObjectPath ImagesObject::PushImage(const QString &reference, const QVariantMap &options)
{
    admit([this, reference, options](const Call &call) { return push(reference, options, call); });
    return {};
}

QHash<Digest, QStringList> ImagesObject::mountSources(const ImageRef &target, const QList<oci::Descriptor> &layers) const
{
    // docker tries three repositories at most before it uploads.
    constexpr qsizetype kMaxSources = 3;
    QHash<Digest, QStringList> sources;
    for (const ImageRecord &image : m_images.list())
        for (const QString &tag : image.tags) {
            const auto named = ImageRef::parse(tag);
            if (!named || named->domain() != target.domain() || named->path() == target.path())
                continue;
            for (const oci::Descriptor &layer : layers) {
                QStringList &repositories = sources[layer.digest];
                if (image.layerBlobs.contains(layer.digest) && !repositories.contains(named->path()))
                    repositories << named->path();
            }
        }
    // In a stable order (by name), the first three.
    for (QStringList &repositories : sources) {
        repositories.sort();
        repositories = repositories.mid(0, kMaxSources);
    }
    return sources;
}

Reply ImagesObject::push(const QString &reference, const QVariantMap &options, const Call &call)
{
    auto ref = ImageRef::parse(reference);
    if (!ref)
        return ref.error();
    if (ref->digest())
        return Error::invalidArgument(QStringLiteral("push a tag, not a digest: %1").arg(reference));
    auto image = m_images.find(ref->toString());
    if (!image)
        return Error::notFound(QStringLiteral("An image does not exist locally with the tag: %1").arg(ref->familiarName()));
    auto bytes = m_blobs.readDocument(image->manifest, oci::kMaxDocumentBytes);
    if (!bytes)
        return bytes.error();
    auto manifest = oci::Manifest::parse(*bytes);
    if (!manifest)
        return manifest.error();
    PushJob::Request request{*ref, manifest->layers, *bytes, manifest->mediaType, accessFrom(options), {}};
    request.blobs << manifest->config;
    request.mountSources = mountSources(*ref, manifest->layers);
    return jobReply(m_jobs.add(std::make_unique<PushJob>(std::move(request), m_blobs, call.uid), call));
}

QDBusObjectPath ImagesObject::CommitContainer(const QString &container, const QVariantMap &options)
{
    admit([this, container, options](const Call &call) { return commit(container, options, call); });
    return {};
}

Reply ImagesObject::commit(const QString &container, const QVariantMap &options, const Call &call)
{
    auto source = m_containers.commitSource(container);
    if (!source)
        return source.error();
    ImportJob::Request request;
    request.config = source->config; // the changes apply over the container's configuration
    if (auto read = readImageOptions(options, request); !read)
        return read.error();
    request.createdBy = source->command;
    request.base = ImportJob::Request::Base{source->imageConfig, source->layerBlobs, source->topChainId};
    // docker pauses a running container while its layer is read, so the image is consistent.
    const bool pause = source->running && options.value(QStringLiteral("pause"), true).toBool()
        && m_containers.find(source->id)->state.status == ContainerStatus::Running;
    if (pause)
        if (auto paused = m_containers.pause(source->id); !paused)
            return paused.error();
    auto job = std::make_unique<CommitJob>(source->upperDir, request, m_blobs, m_layers, m_images, call.uid);
    if (pause)
        connect(job.get(), &Job::finished, this, [this, id = source->id] { (void)m_containers.unpause(id); });
    const Reply reply = startImageJob(std::move(job), QStringLiteral("commit"), call);
    if (!reply && pause)
        (void)m_containers.unpause(source->id);
    return reply;
}

Reply ImagesObject::save(const QStringList &names, const QDBusUnixFileDescriptor &output, const Call &call)
{
    if (names.isEmpty())
        return Error::invalidArgument(QStringLiteral("name at least one image to save"));
    QList<SaveItem> items;
    QHash<Digest, qsizetype> itemOf;
    for (const QString &name : names) {
        auto image = m_images.find(name);
        if (!image)
            return image.error();
        if (!itemOf.contains(image->id)) {
            itemOf.insert(image->id, items.size());
            items << SaveItem{image->manifest, image->id, image->layerBlobs, {}};
        }
        // Saved by name, the archive carries that name; saved by id, no name (as docker).
        const auto ref = ImageRef::parse(name);
        if (ref && image->tags.contains(ref->toString()))
            items[itemOf.value(image->id)].tags << ref->toString();
    }
    auto fd = passedStream(output, true);
    if (!fd)
        return fd.error();
    return jobReply(m_jobs.add(std::make_unique<SaveJob>(std::move(*fd), m_blobs, items, call.uid), call));
}

Reply ImagesObject::tag(const QString &name, const QString &target)
{
    auto image = m_images.find(name);
    if (!image)
        return image.error();
    auto ref = ImageRef::parse(target);
    if (!ref)
        return ref.error();
    if (ref->digest())
        return Error::invalidArgument(QStringLiteral("refusing to create a tag with a digest reference: %1").arg(target));
    if (auto tagged = m_images.tag(image->id, *ref); !tagged)
        return tagged.error();
    m_events.publish({QStringLiteral("image"),
                      QStringLiteral("tag"),
                      image->id.toString(),
                      {{QStringLiteral("name"), ref->familiarString()}}});
    return QVariantList{};
}

} // namespace berth
