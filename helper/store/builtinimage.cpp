#include "builtinimage.h"

#include "blobstore.h"
#include "image/imageref.h"
#include "image/imagetypes.h"
#include "imagedocuments.h"
#include "imagestore.h"
#include "layers/layerstore.h"
#include "tarwriter.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>

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

Result<void> copyFile(TarWriter &tar, const QByteArray &path, const QString &source, mode_t mode)
{
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly))
        return Error::unavailable(QStringLiteral("cannot read \"%1\": %2").arg(source, file.errorString()));
    if (auto started = tar.beginFile(path, mode, file.size()); !started)
        return started;
    while (!file.atEnd())
        if (auto written = tar.data(file.read(256 * 1024)); !written)
            return written;
    return {};
}

Result<void> writeLayerEntries(TarWriter &tar, const QString &busybox, const QStringList &applets)
{
    for (const char *dir : {"bin", "dev", "etc", "home", "proc", "sbin", "sys", "usr", "usr/bin", "usr/sbin", "var", "var/spool",
                            "var/spool/mail", "var/www"})
        if (auto made = tar.directory(dir, 0755); !made)
            return made;
    for (const auto &[dir, mode] : {std::pair{"root", 0700}, std::pair{"tmp", 01777}})
        if (auto made = tar.directory(dir, mode_t(mode)); !made)
            return made;
    if (auto copied = copyFile(tar, "bin/busybox", busybox, 0755); !copied)
        return copied;
    for (const QString &applet : applets)
        if (auto linked = tar.symlink(applet.toUtf8(), "/bin/busybox"); !linked)
            return linked;
    if (auto passwd
        = tar.file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n", 0644);
        !passwd)
        return passwd;
    if (auto group = tar.file("etc/group", "root:x:0:\nnogroup:x:65534:\n", 0644); !group)
        return group;
    return tar.close();
}

Result<Digest> writeLayer(BlobStore &blobs, const QString &busybox, const QStringList &applets, time_t mtime)
{
    auto writer = blobs.begin();
    if (!writer)
        return writer.error();
    {
        TarWriter tar([&](QByteArrayView bytes) { return writer->write(bytes); }, mtime);
        if (auto written = writeLayerEntries(tar, busybox, applets); !written)
            return written.error().wrapped(QStringLiteral("writing the built-in image's layer"));
    }
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

bool builtinImageWanted(const ImageStore &images, const BuiltinImageSources &sources)
{
    if (images.find(kBuiltinName))
        return false;
    if (!QFileInfo(sources.busybox).isFile()) {
        qCWarning(lcBuiltin) << "no built-in busybox image:" << sources.busybox << "is missing (install busybox-static)";
        return false;
    }
    return true;
}

Result<void> makeBuiltinImage(const QString &dataRoot, const BuiltinImageSources &sources)
{
    BlobStore blobs(dataRoot);
    LayerStore layers(dataRoot);
    ImageStore images(dataRoot, blobs, layers);
    for (auto opened : {blobs.open(), layers.open(), images.open()})
        if (!opened)
            return opened.error();
    if (!builtinImageWanted(images, sources))
        return {};
    const QFileInfo busybox(sources.busybox);
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
        = storeDocument(blobs, builtinConfig(layer->diffId, created, busyboxVersion(busybox.filePath())).serialize());
    if (!configDigest)
        return configDigest.error();
    auto manifestDigest = writeManifest(blobs, *configDigest, {*layerDigest});
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
