<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandParser</name>
    <message>
        <source>Print usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See &apos;%1 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format output: &quot;json&quot; prints JSON, a Go template prints it for each object, &quot;table&quot; and a template prints columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;%2&quot; flag: not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandTable</name>
    <message>
        <source>A container manager with its own engine, for Linux desktops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get real time events from the engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display system-wide information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage the Berth engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Berth version information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the version and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a berth command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See &apos;%1 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:  %1 COMMAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;%1 COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the engine&apos;s settings file again and apply it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the history of an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove unused images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load an image from a tar archive or STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save one or more images to a tar archive (streamed to STDOUT by default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the contents from a tarball to create a filesystem image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show engine disk usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill one or more running containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the logs of a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause all processes within one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all stopped containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and run a new container from an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start one or more stopped containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop one or more running containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpause all processes within one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block until one or more containers stop, then print their exit codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return low-level information on Berth objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display a live stream of container(s) resource usage statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display the running processes of a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execute a command in a running container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach local standard input, output, and error streams to a running container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List port mappings or a specific mapping for the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a container to a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect a container from a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all unused networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove unused local volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect changes to files or directories on a container&apos;s filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new image from a container&apos;s changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy files/folders between a container and the local filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a container&apos;s filesystem as a tar archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download an image from a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload an image to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out from a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search a registry&apos;s catalog for repositories</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerCommand</name>
    <message>
        <source>Up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up %1 (Paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting (%1) %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited (%1) %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removal In Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all containers (default shows just running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only display container IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display total file sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show n last created containers (includes all states)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the latest created container (includes all states)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter output based on conditions provided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad format of filter (expected name=value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop one or more running containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait before killing the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal to send to the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill one or more running containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force the removal of a running container (uses SIGKILL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove anonymous volumes associated with the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause all processes within one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpause all processes within one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth rename&quot; requires exactly 2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block until one or more containers stop, then print their exit codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth wait&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the logs of a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow log output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of lines to show from the end of the logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show logs since timestamp or relative (e.g. 42m for 42 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show logs before a timestamp or relative (e.g. 42m for 42 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth logs&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid tail value &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth container inspect&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return low-level information on Berth objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth inspect&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: No such object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all stopped containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not prompt for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! This will remove all stopped containers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted Containers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <comment>container state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display the running processes of a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth top&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display a live stream of container(s) resource usage statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable streaming stats and only pull the first result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not truncate output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MEM USAGE / LIMIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MEM %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NET I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLOCK I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (virtual %2)</source>
        <extracomment>docker ps -s: &quot;12B (virtual 1.98MB)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach local standard input, output, and error streams to a running container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not attach STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth attach&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read escape sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the key sequence for detaching a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy all received signals to the process (default true)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List port mappings or a specific mapping for the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth port&quot; requires at least 1 and at most 2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: No public port &apos;%1&apos; published for %2</source>
        <extracomment>%1 is a port like 80/tcp, %2 the container as named</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return JSON for specified type (container, image, volume or network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid value for --type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect changes to files or directories on a container&apos;s filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth diff&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED AT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LABELS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONTAINER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NETWORKS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MOUNTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LOCAL VOLUMES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid time &quot;%1&quot;: use a duration (10m, 1h30m) or an RFC 3339 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;until=&lt;timestamp&gt;&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerSpec</name>
    <message>
        <source>no image was named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid container name (%1), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid environment variable: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum memory limit allowed is 6MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum memoryswap limit should be larger than memory limit, see usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You should always set the Memory limit when using Memoryswap limit, see usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid memory swap limit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range of CPUs is from 0.01 to %1.00, as there are only %1 CPUs available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid CPU shares %1: the range is 2 to 262144</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid value %1 for cpuset cpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid PIDs limit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid restart policy &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maximum retry count cannot be used with restart policy &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicting options: --restart and --rm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown capability: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid network alias &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid volume specification &quot;%1&quot;: use /host/path:/container/path[:ro|rw] or volume-name:/container/path[:ro|rw]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid bind mount &quot;%1&quot;: &quot;..&quot; is not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid tmpfs mount &quot;%1:%2&quot;: an absolute path, and size=, mode=, ro, noexec, nosuid, nodev options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid network mode &quot;%1&quot;: use bridge, none, host, container:&lt;name|id&gt; or a network&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max-size must be a size of at least 1k, like &quot;20m&quot;, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max-file must be a number from 1 to 100, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown log opt &apos;%1&apos; for json-file log driver (max-size, max-file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logging driver &quot;%1&quot; is not supported: use json-file or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the none logging driver takes no options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid device specification: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid device &quot;%1&quot;: use /dev/host-device[:/dev/in-container][:rwm]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid --security-opt &quot;%1&quot;: Berth knows no-new-privileges[:true|false], seccomp=unconfined|&lt;profile.json&gt;, apparmor=unconfined and label=disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the seccomp profile is not one docker reads: a JSON object with defaultAction and syscalls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyCommand</name>
    <message>
        <source>Successfully copied %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot copy a directory to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying from container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination must be a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying to container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive mode (copy all uid/gid information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always follow symbol link in SRC_PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth cp&quot; requires exactly 2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copying between containers is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must specify at least one container source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a container&apos;s filesystem as a tar archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to a file, instead of STDOUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth export&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cowardly refusing to save to a terminal. Use the -o flag or redirect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy files/folders between a container and the local filesystem. Use &apos;-&apos; as the source to read a tar archive from stdin and extract it to a directory destination in a container, or as the destination to stream a tar archive of a container source to stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the file %1 in container %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <source>there is no system bus at %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing answers for %1 on the system bus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the Berth engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it with &quot;sudo systemctl start berth-helper&quot;, or &quot;sudo ./berth-dev engine&quot; in a source checkout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error response from engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoTemplate</name>
    <message>
        <source>Template parsing error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated quoted string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &quot;)&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>function &quot;%1&quot; not defined here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclosed &quot;(&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclosed action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected {{%1}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing value for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected EOF: an {{if}} or {{range}} has no {{end}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template error: %1 takes %2 arguments, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template error: len of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template error: index needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template error: cannot index %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template parsing error: function &quot;%1&quot; not defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template error: can&apos;t evaluate field %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template error: a value cannot take arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template error: range can&apos;t iterate over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template error: printf needs a format</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageCommand</name>
    <message>
        <source>Untagged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth image inspect&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the history of an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print sizes and dates in human readable format (default true)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only show image IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth history&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COMMENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth tag&quot; requires exactly 2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force removal of the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not delete untagged parents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth rmi&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove unused images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all unused images, not just dangling ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not prompt for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! This will remove all images without at least one container associated to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! This will remove all dangling images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted Images:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagesCommand</name>
    <message>
        <source>bad format of filter (expected name=value): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &apos;dangling=%1&apos;: use true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all images (default hides intermediate images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only show image IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter output based on conditions provided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED AT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONTAINERS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import the contents from a tarball to create a filesystem image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply Dockerfile instruction to the created image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set commit message for imported image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth import&quot; requires at least 1 and at most 2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See &apos;berth import --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>importing from a URL is not supported; download the file and import it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new image from a container&apos;s changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author (e.g., &quot;John Hannibal Smith &lt;hannibal@a-team.com&gt;&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause container during commit (default true)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth commit&quot; requires at least 1 and at most 2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;-p, --pause&quot; flag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <source>Display system-wide information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup Controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: this kernel has no overlay filesystem; containers cannot run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadCommand</name>
    <message>
        <source>Load an image from a tar archive or STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from tar archive file, instead of STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppress the load output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requested load from stdin, but stdin is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded image ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded image: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkCommand</name>
    <message>
        <source>Manage networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver to manage the Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet in CIDR format that represents a network segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4 or IPv6 Gateway for the master subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict external access to the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set metadata on a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth network create&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the bridge driver is supported, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only display network IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not truncate the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NETWORK ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRIVER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCOPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth network inspect&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth network rm&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a container to a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add network-scoped alias for the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth network connect&quot; requires exactly 2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect a container from a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force the container to disconnect from a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth network disconnect&quot; requires exactly 2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all unused networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not prompt for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! This will remove all custom networks not used by at least one container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted Networks:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <source>%1 ago</source>
        <extracomment>&quot;&lt;span&gt; ago&quot;, e.g. &quot;6 months ago&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are you sure you want to continue? [y/N] </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot make a pipe to the engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryCommand</name>
    <message>
        <source>Download an image from a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppress verbose output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth pull&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Pulling from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: Downloaded newer image for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload an image to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth push&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The push refers to repository [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: digest: %2 size: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to a registry. If no server is specified, docker.io is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the password from stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth login&quot; requires at most 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password and --password-stdin are mutually exclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must provide --username with --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! Using --password via the CLI is insecure. Use --password-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: a username and a password are needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out from a registry. If no server is specified, docker.io is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth logout&quot; requires at most 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing login credentials for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search a registry&apos;s catalog for repositories, with their tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max number of search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth search&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the registry to search, as in &quot;berth search 127.0.0.1:5000/app&quot;: Berth searches registries that offer their catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit %1 is outside the accepted range [1, 1000]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set platform if server is multi-platform capable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download all tagged images in the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push all tags of an image to the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag can&apos;t be used with --all-tags/-a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image does not exist locally with the tag: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message>
        <source>Keep STDIN open even if not attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocate a pseudo-TTY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign a name to the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read in a file of environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind mount a volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a filesystem mount to the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory inside the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username or UID (format: &lt;name|uid&gt;[:&lt;group|gid&gt;])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite the default ENTRYPOINT of the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatically remove the container when it exits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart policy to apply when a container exits (default &quot;no&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap limit equal to memory plus swap: &apos;-1&apos; to enable unlimited swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable OOM Killer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU shares (relative weight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs in which to allow execution (0-3, 0,1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tune container pids limit (set -1 for unlimited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set meta data on a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run an init inside the container that forwards signals and reaps processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount the container&apos;s root filesystem as read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Linux capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop Linux capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give extended privileges to this container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish a container&apos;s port(s) to the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish all exposed ports to random ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a container to a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal to stop the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout (in seconds) to stop a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open %1: no such file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--%2&quot; flag: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--cpus&quot; flag: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth create&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and run a new container from an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run container in background and print container ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth run&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start one or more stopped containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach STDOUT/STDERR and forward signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach container&apos;s STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth start&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you cannot start and attach multiple containers at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execute a command in a running container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached mode: run command in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username or UID (format: &quot;&lt;name|uid&gt;[:&lt;group|gid&gt;]&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth exec&quot; requires at least 2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ulimit options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the key sequence for detaching a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy received signals to the process (default true)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expose a port or a range of ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add network-scoped alias for the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount a tmpfs directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid range format for --expose: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging driver for the container (json-file or none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log driver options (max-size, max-file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid log opt &quot;%1&quot;: use key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a host device to the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening seccomp profile (%1) failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the seccomp profile %1 is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveCommand</name>
    <message>
        <source>Save one or more images to a tar archive (streamed to STDOUT by default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to a file, instead of STDOUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth save&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See &apos;berth save --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cowardly refusing to save to a terminal. Use the -o flag or redirect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Streams</name>
    <message>
        <source>Invalid detach keys (%1) provided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--sig-proxy&quot; flag: true or false</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemCommand</name>
    <message>
        <source>Manage the Berth engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the engine&apos;s settings file again and apply what can change while it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings reloaded; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show engine disk usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECLAIMABLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Volumes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>Less than a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionCommand</name>
    <message>
        <source>Show the Berth version information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS/Arch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: Berth Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolumeCommand</name>
    <message>
        <source>Manage volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set metadata for a volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth volume create&quot; requires at most 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only display volume names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;dangling=true&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRIVER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOLUME NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth volume inspect&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;berth volume rm&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove unused local volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all unused volumes, not just anonymous ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not prompt for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! This will remove anonymous local volumes not used by at least one container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted Volumes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &quot;%1&quot;: use dangling=true|false, name=, label=KEY[=VALUE] or driver=local</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::EventsCommand</name>
    <message>
        <source>Get real time events from the engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Berth engine stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::JobWatcher</name>
    <message>
        <source>Pull complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Berth engine stopped before the job finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::ContainerDetail</name>
    <message>
        <source>Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Shell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a container to follow its output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the logs to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run in the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed by the kernel&apos;s OOM killer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command exited with code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::ContainerFilesModel</name>
    <message>
        <source>Symbolic link to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1 out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::ContainerModel</name>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <comment>container state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited (%1) %2 ago</source>
        <extracomment>%1 is the exit code, %2 a span of time such as &quot;3 minutes&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::ContainersPage</name>
    <message>
        <source>No containers yet. Run one from an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, image or state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n container(s)? What they wrote is deleted; running ones are stopped first.</source>
        <translation>
            <numerusform>Remove this container? What it wrote is deleted; if it runs, it is stopped first.</numerusform>
            <numerusform>Remove %n containers? What they wrote is deleted; running ones are stopped first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>berth::gui::EngineConnection</name>
    <message>
        <source>The Berth engine stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no system bus: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Berth engine is not running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::EventsPage</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::FileTransfer</name>
    <message>
        <source>Cannot make a pipe to the engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::FilesBrowser</name>
    <message>
        <source>New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload into the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new image (optional), as repository:tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the container&apos;s file system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tar archives (*.tar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed as image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete from the container? This cannot be undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::ImageModel</name>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::ImagesPage</name>
    <message>
        <source>No images. Pull or build one, or load an archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1? Layers no other image uses are deleted too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name (repository[:tag]):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a layer to see its files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files, %2 added by this layer</source>
        <extracomment>%1 is a number of files, %2 a size such as &quot;1.9 MB&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(only the first %1 are listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag the image with a registry&apos;s name first, then push it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::JobsPanel</name>
    <message>
        <source>Clear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::JsonTree</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::LayerGraphView</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::MainWindow</name>
    <message>
        <source>Berth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assemble a Dockerfile step by step and build it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the Berth engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; Berth connects by itself as soon as the engine starts. To start it, run &lt;tt&gt;sudo systemctl start berth-helper&lt;/tt&gt; (or &lt;tt&gt;sudo ./berth-dev engine&lt;/tt&gt; in a source checkout).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The Berth engine refused to answer.&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not authorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth engine %1 · %2 containers (%3 running) · %4 images · %5, cgroup v%6</source>
        <extracomment>Status bar: engine version, then counts of containers and images</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs (%1 running)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworkDialog</name>
    <message>
        <source>Internal: no way in or out but between its containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chosen by the engine (e.g. 10.1.0.0/24)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the range&apos;s first address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subnet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gateway:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworksPage</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the network %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::RegistriesPage</name>
    <message>
        <source>Log Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry.example.com:5000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository or tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A registry, a username and a password are needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a registry to browse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the catalog of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 repositories in %2. Double-click a tag to pull it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in as %1 (docker config)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in to %1; there is no keyring, so the login is kept in your docker config.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::RunDialog</name>
    <message>
        <source>Command: a quote is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the container when it exits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chosen by the engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image&apos;s default command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME=value, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit (e.g. 256m, 1g)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unless stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;PUs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (e.g. 8080:80, 127.0.0.1:5353:53/udp)</source>
        <extracomment>-p specs as docker takes them; keep the examples as they are</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bridge (the default network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (loopback only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host (the host&apos;s own network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more names on a user-defined network, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aliases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep input open, with a terminal (-i -t)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::SettingsPage</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::StateDiagram</name>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop, kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start, restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exits (restart policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::StatsCharts</name>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::TerminalWidget</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Scrollback</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::TransferDialog</name>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry.example.com/team/app:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounted from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::VolumesPage</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mountpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every anonymous volume no container uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (empty: one is made up):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the volume %1 and everything in it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Berth version %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
