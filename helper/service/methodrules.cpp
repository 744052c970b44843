#include "methodrules.h"

#include "containers/containerengine.h"
#include "engine.h"
#include "gate.h"
#include "jobmanager.h"

namespace berth {
namespace {

Authorization observe(const Call &)
{
    return {Action::Observe, {}};
}

Authorization engineSettings(const Call &)
{
    return {Action::EngineSettings, {}};
}

// Changing the set of local images: the image named by the first argument, if any.
Authorization manageImages(const Call &call)
{
    const QVariantList args = call.message.arguments();
    PolkitDetails details;
    details.insert(QStringLiteral("berth.image"),
                   args.size() > 1 ? args.first().toString() : QStringLiteral("(all unused images)"));
    return {Action::ImagePull, details};
}

OptionSpec credentialOptions()
{
    return OptionSpec{}.add(QStringLiteral("username"), QStringLiteral("s")).add(QStringLiteral("password"), QStringLiteral("s"));
}

// Moving an image to or from a registry: the reference named.
Authorization pullImage(const Call &call)
{
    return {Action::ImagePull, {{QStringLiteral("berth.image"), call.message.arguments().value(0).toString()}}};
}

Authorization addImagesFromFile(const Call &)
{
    return {Action::ImagePull, {{QStringLiteral("berth.image"), QStringLiteral("(images from a file)")}}};
}

Authorization saveImages(const Call &call)
{
    return {Action::ImagePull,
            {{QStringLiteral("berth.image"), call.message.arguments().value(0).toStringList().join(QStringLiteral(", "))}}};
}

// What running a container with this spec takes: more than the default profile needs an
// administrator, every time.
Action containerAction(const ContainerSpec &spec)
{
    if (spec.needsPrivilege())
        return Action::ContainerPrivileged;
    if (spec.mountsHostPaths())
        return Action::HostMount;
    return Action::ContainerRun;
}

Authorization createContainer(const Call &call)
{
    const auto spec = ContainerSpec::fromJson(call.message.arguments().value(0).toString().toUtf8());
    if (!spec) // refused by the body with the reason; asking for the default right is enough
        return {Action::ContainerRun, {{QStringLiteral("berth.image"), QStringLiteral("(invalid configuration)")}}};
    return {containerAction(*spec), {{QStringLiteral("berth.image"), spec->config.image}}};
}

// Acting on an existing container takes what creating it took, so a container made with an
// administrator's consent cannot be started again without it.
auto actOnContainer(const ContainerEngine &containers, int argument = 0)
{
    return [&containers, argument](const Call &call) -> Authorization {
        const QString name = call.message.arguments().value(argument).toString();
        const auto record = containers.find(name);
        const Action action = record ? containerAction(record->spec) : Action::ContainerRun;
        return {action, {{QStringLiteral("berth.container"), name}}};
    };
}

// Networks change the host's links and rules much as running a container does, and a volume
// is the engine's own directory, used only by containers: managing either takes the right to
// run containers.  The detail names the object, or all unused ones for a prune.
auto manageContainerResource(const char *detail, const char *unused)
{
    return [detail, unused](const Call &call) -> Authorization {
        const QString name = call.message.member().startsWith(u"Prune") ? QString::fromLatin1(unused)
                                                                        : call.message.arguments().value(0).toString();
        return {Action::ContainerRun, {{QString::fromLatin1(detail), name}}};
    };
}

// The descriptors of a call that streams a container's stdio and its terminal's size.
OptionSpec streamOptions()
{
    return OptionSpec{}
        .add(QStringLiteral("stdin"), QStringLiteral("h"))
        .add(QStringLiteral("stdout"), QStringLiteral("h"))
        .add(QStringLiteral("stderr"), QStringLiteral("h"))
        .add(QStringLiteral("resize"), QStringLiteral("h"));
}

// Stopping a container: seconds before SIGKILL, and the signal to send first.
OptionSpec stopOptions()
{
    return OptionSpec{}.add(QStringLiteral("timeout"), QStringLiteral("i")).add(QStringLiteral("signal"), QStringLiteral("s"));
}

// Starting a container: its streams, and a pipe on which its end is told.
OptionSpec startOptions()
{
    return streamOptions().add(QStringLiteral("exit"), QStringLiteral("h"));
}

Authorization manageContainers(const Call &)
{
    return {Action::ContainerRun, {{QStringLiteral("berth.container"), QStringLiteral("(all stopped containers)")}}};
}

// Cancelling one's own job only needs the right to observe; someone else's job is an
// administrator's business.
auto cancelJob(const JobManager &jobs)
{
    return [&jobs](const Call &call) -> Authorization {
        if (jobs.ownerOf(call.message.path()) == call.caller())
            return observe(call);
        return {Action::EngineSettings, {{QStringLiteral("berth.job"), call.message.path()}}};
    };
}

} // namespace

void addMethodRules(Gate &gate, const JobManager &jobs, const ContainerEngine &containers)
{
    const QString ctr = engine::kContainersInterface;
    const auto act = actOnContainer(containers);
    const QString system = engine::kSystemInterface;
    const QString job = engine::kJobInterface;
    const QString images = engine::kImagesInterface;
    const QString net = engine::kNetworksInterface;
    const QString vol = engine::kVolumesInterface;
    const QString files = engine::kFilesInterface;
    const auto actOnConnected = actOnContainer(containers, 1);
    const auto manageNetworks = manageContainerResource("berth.network", "(all unused networks)");
    const auto manageVolumes = manageContainerResource("berth.volume", "(all unused volumes)");
    const MethodRule rules[] = {
        // Looking at, reading or writing a container's files is as much as running a command in
        // it (and looking into a stopped one mounts its layers for a moment).
        {files, QStringLiteral("StatPath"), OptionSpec{}.add(QStringLiteral("followLink"), QStringLiteral("b")), act},
        {files, QStringLiteral("ListDirectory"), OptionSpec{}.add(QStringLiteral("limit"), QStringLiteral("i")), act},
        {files, QStringLiteral("CopyFromContainer"),
         OptionSpec{}
             .add(QStringLiteral("followLink"), QStringLiteral("b"))
             .add(QStringLiteral("passContent"), QStringLiteral("b")),
         act},
        {files, QStringLiteral("CopyToContainer"), OptionSpec{}.add(QStringLiteral("keepOwners"), QStringLiteral("b")), act},
        {files, QStringLiteral("ExportContainer"), OptionSpec{}, act},
        {files, QStringLiteral("MakeDirectory"), OptionSpec{}, act},
        {files, QStringLiteral("RemovePath"), OptionSpec{}, act},
        {net, QStringLiteral("CreateNetwork"),
         OptionSpec{}
             .add(QStringLiteral("subnet"), QStringLiteral("s"))
             .add(QStringLiteral("gateway"), QStringLiteral("s"))
             .add(QStringLiteral("internal"), QStringLiteral("b"))
             .add(QStringLiteral("labels"), QStringLiteral("a{sv}")),
         manageNetworks},
        {net, QStringLiteral("RemoveNetwork"), OptionSpec{}, manageNetworks},
        {vol, QStringLiteral("CreateVolume"), OptionSpec{}.add(QStringLiteral("labels"), QStringLiteral("a{sv}")), manageVolumes},
        {vol, QStringLiteral("RemoveVolume"), OptionSpec{}, manageVolumes},
        {vol, QStringLiteral("PruneVolumes"), OptionSpec{}.add(QStringLiteral("all"), QStringLiteral("b")), manageVolumes},
        {vol, QStringLiteral("ListVolumes"), OptionSpec{}.add(QStringLiteral("size"), QStringLiteral("b")), observe},
        {vol, QStringLiteral("InspectVolume"), OptionSpec{}, observe},
        {net, QStringLiteral("PruneNetworks"), OptionSpec{}, manageNetworks},
        {net, QStringLiteral("ListNetworks"), OptionSpec{}, observe},
        {net, QStringLiteral("InspectNetwork"), OptionSpec{}, observe},
        {net, QStringLiteral("ConnectNetwork"), OptionSpec{}.add(QStringLiteral("aliases"), QStringLiteral("as")),
         actOnConnected},
        {net, QStringLiteral("DisconnectNetwork"), OptionSpec{}.add(QStringLiteral("force"), QStringLiteral("b")),
         actOnConnected},
        {system, QStringLiteral("Version"), OptionSpec{}, observe},
        {system, QStringLiteral("Info"), OptionSpec{}, observe},
        {system, QStringLiteral("SubscribeEvents"), OptionSpec{}, observe},
        {system, QStringLiteral("UnsubscribeEvents"), OptionSpec{}, observe},
        {system, QStringLiteral("ReloadSettings"), OptionSpec{}, engineSettings},
        {job, QStringLiteral("GetStatus"), OptionSpec{}, observe},
        {images, QStringLiteral("ListImages"),
         OptionSpec{}.add(QStringLiteral("all"), QStringLiteral("b")).add(QStringLiteral("filters"), QStringLiteral("a{sv}")),
         observe},
        {images, QStringLiteral("InspectImage"), OptionSpec{}, observe},
        {images, QStringLiteral("ImageHistory"), OptionSpec{}, observe},
        {images, QStringLiteral("LayerChanges"), OptionSpec{}, observe},
        {images, QStringLiteral("LoadImages"), OptionSpec{}, addImagesFromFile},
        {images, QStringLiteral("SaveImages"), OptionSpec{}, saveImages},
        {images, QStringLiteral("ImportImage"),
         OptionSpec{}
             .add(QStringLiteral("reference"), QStringLiteral("s"))
             .add(QStringLiteral("changes"), QStringLiteral("as"))
             .add(QStringLiteral("message"), QStringLiteral("s")),
         addImagesFromFile},
        {images, QStringLiteral("CommitContainer"),
         OptionSpec{}
             .add(QStringLiteral("reference"), QStringLiteral("s"))
             .add(QStringLiteral("author"), QStringLiteral("s"))
             .add(QStringLiteral("message"), QStringLiteral("s"))
             .add(QStringLiteral("changes"), QStringLiteral("as"))
             .add(QStringLiteral("pause"), QStringLiteral("b")),
         act},
        {images, QStringLiteral("PullImage"), credentialOptions().add(QStringLiteral("platform"), QStringLiteral("s")),
         pullImage},
        {images, QStringLiteral("PushImage"), credentialOptions(), pullImage},
        {images, QStringLiteral("CheckRegistryLogin"), credentialOptions(), observe},
        {images, QStringLiteral("SearchRegistry"), credentialOptions().add(QStringLiteral("limit"), QStringLiteral("i")),
         observe},
        {images, QStringLiteral("ListRegistryTags"), credentialOptions(), observe},
        {images, QStringLiteral("TagImage"), OptionSpec{}, manageImages},
        {images, QStringLiteral("RemoveImage"), OptionSpec{}.add(QStringLiteral("force"), QStringLiteral("b")), manageImages},
        {images, QStringLiteral("PruneImages"), OptionSpec{}.add(QStringLiteral("all"), QStringLiteral("b")), manageImages},
        {job, QStringLiteral("Cancel"), OptionSpec{}, cancelJob(jobs)},
        {ctr, QStringLiteral("CreateContainer"), startOptions().add(QStringLiteral("start"), QStringLiteral("b")),
         createContainer},
        {ctr, QStringLiteral("StartContainer"), startOptions(), act},
        {ctr, QStringLiteral("StopContainer"), stopOptions(), act},
        {ctr, QStringLiteral("RestartContainer"), stopOptions(), act},
        {ctr, QStringLiteral("KillContainer"), OptionSpec{}.add(QStringLiteral("signal"), QStringLiteral("s")), act},
        {ctr, QStringLiteral("PauseContainer"), OptionSpec{}, act},
        {ctr, QStringLiteral("UnpauseContainer"), OptionSpec{}, act},
        {ctr, QStringLiteral("RemoveContainer"),
         OptionSpec{}.add(QStringLiteral("force"), QStringLiteral("b")).add(QStringLiteral("volumes"), QStringLiteral("b")), act},
        {ctr, QStringLiteral("RenameContainer"), OptionSpec{}, act},
        {ctr, QStringLiteral("PruneContainers"), OptionSpec{}.add(QStringLiteral("filters"), QStringLiteral("a{sv}")),
         manageContainers},
        {ctr, QStringLiteral("WaitContainer"), OptionSpec{}.add(QStringLiteral("condition"), QStringLiteral("s")), observe},
        {ctr, QStringLiteral("ListContainers"),
         OptionSpec{}
             .add(QStringLiteral("all"), QStringLiteral("b"))
             .add(QStringLiteral("filters"), QStringLiteral("a{sv}"))
             .add(QStringLiteral("size"), QStringLiteral("b")),
         observe},
        {ctr, QStringLiteral("InspectContainer"), OptionSpec{}, observe},
        {ctr, QStringLiteral("ContainerTop"), OptionSpec{}, observe},
        {ctr, QStringLiteral("ContainerChanges"), OptionSpec{}, observe},
        {ctr, QStringLiteral("AttachContainer"), streamOptions(), act},
        {ctr, QStringLiteral("ExecContainer"),
         streamOptions()
             .add(QStringLiteral("env"), QStringLiteral("as"))
             .add(QStringLiteral("workdir"), QStringLiteral("s"))
             .add(QStringLiteral("user"), QStringLiteral("s"))
             .add(QStringLiteral("detach"), QStringLiteral("b"))
             .add(QStringLiteral("tty"), QStringLiteral("b"))
             .add(QStringLiteral("rows"), QStringLiteral("i"))
             .add(QStringLiteral("columns"), QStringLiteral("i")),
         act},
        {ctr, QStringLiteral("ContainerStats"), OptionSpec{}, observe},
        {ctr, QStringLiteral("ContainerLogs"),
         OptionSpec{}
             .add(QStringLiteral("follow"), QStringLiteral("b"))
             .add(QStringLiteral("tail"), QStringLiteral("i"))
             .add(QStringLiteral("timestamps"), QStringLiteral("b"))
             .add(QStringLiteral("since"), QStringLiteral("s"))
             .add(QStringLiteral("until"), QStringLiteral("s")),
         observe},
    };
    for (const MethodRule &rule : rules)
        gate.addRule(rule);
}

} // namespace berth
