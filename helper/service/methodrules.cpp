#include "methodrules.h"

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

Authorization addImagesFromFile(const Call &)
{
    return {Action::ImagePull, {{QStringLiteral("berth.image"), QStringLiteral("(images from a file)")}}};
}

Authorization saveImages(const Call &call)
{
    return {Action::ImagePull,
            {{QStringLiteral("berth.image"), call.message.arguments().value(0).toStringList().join(QStringLiteral(", "))}}};
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

void addMethodRules(Gate &gate, const JobManager &jobs)
{
    const QString system = engine::kSystemInterface;
    const QString job = engine::kJobInterface;
    const QString images = engine::kImagesInterface;
    const MethodRule rules[] = {
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
        {images, QStringLiteral("TagImage"), OptionSpec{}, manageImages},
        {images, QStringLiteral("RemoveImage"), OptionSpec{}.add(QStringLiteral("force"), QStringLiteral("b")), manageImages},
        {images, QStringLiteral("PruneImages"), OptionSpec{}.add(QStringLiteral("all"), QStringLiteral("b")), manageImages},
        {job, QStringLiteral("Cancel"), OptionSpec{}, cancelJob(jobs)},
    };
    for (const MethodRule &rule : rules)
        gate.addRule(rule);
}

} // namespace berth
