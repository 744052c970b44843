#pragma once

// applyConfigChange: one Dockerfile instruction applied to an image's run configuration, as
// `docker import -c` and `docker commit -c` take them: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL,
// USER, VOLUME, WORKDIR, STOPSIGNAL.
//
//     applyConfigChange(config, u"CMD [\"/bin/app\", \"-v\"]"_s);   // exec form
//     applyConfigChange(config, u"ENV PATH=/opt/bin:$PATH"_s);      // no expansion here

#include "imagetypes.h"
#include "result.h"

namespace berth {

Result<void> applyConfigChange(oci::RunConfig &config, const QString &instruction);

} // namespace berth
