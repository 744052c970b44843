#include "builtinimage.h"

#include "blobstore.h"
#include "image/imageref.h"
#include "image/imagetypes.h"
#include "imagestore.h"
#include "layers/layerstore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>

#include <archive.h>
#include <archive_entry.h>

Q_LOGGING_CATEGORY(lcBuiltin, "berth.images.builtin")

namespace berth {
namespace {

const QString kBuiltinName = QStringLiteral("busybox:latest");
const char kPath[] = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

Result<QStringList> appletPaths(const QString &busybox)
{
    QProcess list;
    list.start(busybox, {QStringLiteral("--list-full")});
    if (!list.waitForFinished(10000) || list.exitCode() != 0)
        return Error::unavailable(QStringLiteral("\"%1 --list-full\" failed").arg(busybox));
    QStringList paths = QString::fromUtf8(list.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    paths.removeAll(QStringLiteral("bin/busybox"));
    return paths;
}

QString busyboxVersion(const QString &busybox)
{
    QProcess help;
    help.start(busybox, {QStringLiteral("--help")});
    help.waitForFinished(10000);
    const QString banner = QString::fromUtf8(help.readAllStandardOutput() + help.readAllStandardError()).section(u'\n', 0, 0);
    return banner.section(u' ', 1, 1); // "BusyBox v1.35.0 (Debian ...) multi-call binary."
}

// Streams the layer tarball into a blob writer, hashing as it goes.
class LayerTar
{
public:
    LayerTar(BlobWriter &writer, time_t mtime)
        : m_writer(writer)
        , m_mtime(mtime)
        , m_archive(archive_write_new())
    {
        archive_write_set_format_pax_restricted(m_archive);
        archive_write_open(m_archive, this, nullptr, &LayerTar::sink, nullptr);
    }
    ~LayerTar() { archive_write_free(m_archive); }

    void directory(const char *path, mode_t mode) { header(path, AE_IFDIR, mode, 0, nullptr); }
    void symlink(const char *path, const char *target) { header(path, AE_IFLNK, 0777, 0, target); }
    void text(const char *path, const QByteArray &content)
    {
        header(path, AE_IFREG, 0644, content.size(), nullptr);
        archive_write_data(m_archive, content.constData(), size_t(content.size()));
    }
    Result<void> copyFile(const char *path, const QString &source, mode_t mode)
    {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly))
            return Error::unavailable(QStringLiteral("cannot read \"%1\": %2").arg(source, file.errorString()));
        header(path, AE_IFREG, mode, file.size(), nullptr);
        while (!file.atEnd()) {
            const QByteArray chunk = file.read(256 * 1024);
            if (archive_write_data(m_archive, chunk.constData(), size_t(chunk.size())) < 0)
                return error();
        }
        return {};
    }
    Result<void> close() { return archive_write_close(m_archive) == ARCHIVE_OK && !m_failed ? Result<void>{} : error(); }

private:
    static la_ssize_t sink(archive *, void *self, const void *buffer, size_t length)
    {
        auto *tar = static_cast<LayerTar *>(self);
        if (!tar->m_writer.write(QByteArrayView(static_cast<const char *>(buffer), qsizetype(length)))) {
            tar->m_failed = true;
            return -1;
        }
        return la_ssize_t(length);
    }
    void header(const char *path, mode_t type, mode_t mode, qint64 size, const char *link)
    {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, path);
        archive_entry_set_filetype(entry, type);
        archive_entry_set_perm(entry, mode);
        archive_entry_set_size(entry, size);
        archive_entry_set_mtime(entry, m_mtime, 0);
        if (link)
            archive_entry_set_symlink(entry, link);
        archive_write_header(m_archive, entry);
        archive_entry_free(entry);
    }
    Error error() const
    {
        const char *message = archive_error_string(m_archive);
        return Error::unavailable(QStringLiteral("writing the built-in image's layer: %1")
                                      .arg(message ? QString::fromUtf8(message) : QStringLiteral("write failed")));
    }

    BlobWriter &m_writer;
    time_t m_mtime;
    archive *m_archive;
    bool m_failed = false;
};

Result<Digest> writeLayer(BlobStore &blobs, const QString &busybox, const QStringList &applets, time_t mtime)
{
    auto writer = blobs.begin();
    if (!writer)
        return writer.error();
    LayerTar tar(*writer, mtime);
    for (const char *dir : {"bin", "dev", "etc", "home", "proc", "sbin", "sys", "usr", "usr/bin", "usr/sbin", "var", "var/spool",
                            "var/spool/mail", "var/www"})
        tar.directory(dir, 0755);
    tar.directory("root", 0700);
    tar.directory("tmp", 01777);
    if (auto copied = tar.copyFile("bin/busybox", busybox, 0755); !copied)
        return copied.error();
    for (const QString &applet : applets)
        tar.symlink(applet.toUtf8().constData(), "/bin/busybox");
    tar.text("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n");
    tar.text("etc/group", "root:x:0:\nnogroup:x:65534:\n");
    if (auto closed = tar.close(); !closed)
        return closed.error();
    return writer->commit();
}

oci::ImageConfig builtinConfig(const Digest &diffId, const QString &created, const QString &version)
{
    oci::ImageConfig config;
    config.architecture = oci::hostPlatform().architecture;
    config.os = QStringLiteral("linux");
    config.created = created;
    config.config.env = {QString::fromLatin1(kPath)};
    config.config.cmd = {QStringLiteral("sh")};
    config.diffIds = {diffId};
    config.history = {{created,
                       QStringLiteral("berth: BusyBox %1 from the host's busybox-static package").arg(version),
                       {},
                       QStringLiteral("the built-in image of Berth"),
                       false}};
    return config;
}

} // namespace

Result<void> ensureBuiltinImage(BlobStore &blobs, LayerStore &layers, ImageStore &images, const BuiltinImageSources &sources)
{
    if (images.find(kBuiltinName))
        return {};
    const QFileInfo busybox(sources.busybox);
    if (!busybox.isFile()) {
        qCWarning(lcBuiltin) << "no built-in busybox image:" << sources.busybox << "is missing (install busybox-static)";
        return {};
    }
    auto applets = appletPaths(busybox.filePath());
    if (!applets)
        return applets.error();
    const QDateTime mtime = busybox.lastModified().toUTC();
    auto layerDigest = writeLayer(blobs, busybox.filePath(), *applets, mtime.toSecsSinceEpoch());
    if (!layerDigest)
        return layerDigest.error();
    auto blobFd = blobs.openForReading(*layerDigest);
    if (!blobFd)
        return blobFd.error();
    auto layer = layers.add(blobFd->get(), std::nullopt, *layerDigest); // uncompressed: the blob digest is the diff ID
    if (!layer)
        return layer.error();

    const QString created = mtime.toString(Qt::ISODate);
    auto configDigest
        = blobs.writeDocument(builtinConfig(layer->diffId, created, busyboxVersion(busybox.filePath())).serialize());
    if (!configDigest)
        return configDigest.error();
    oci::Manifest manifest;
    manifest.config = {oci::media::kConfig, *configDigest, blobs.sizeOf(*configDigest), std::nullopt, {}, {}};
    manifest.layers = {{oci::media::kLayer, *layerDigest, blobs.sizeOf(*layerDigest), std::nullopt, {}, {}}};
    manifest.raw = oci::Json::object();
    auto manifestDigest = blobs.writeDocument(manifest.serialize());
    if (!manifestDigest)
        return manifestDigest.error();
    auto image = images.add(*manifestDigest);
    if (!image)
        return image.error();
    qCInfo(lcBuiltin) << "made the built-in image" << kBuiltinName << image->id.toString() << "with" << applets->size()
                      << "applets";
    return images.tag(image->id, *ImageRef::parse(kBuiltinName));
}

} // namespace berth
