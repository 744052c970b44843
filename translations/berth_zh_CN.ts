<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandParser</name>
    <message>
        <source>Print usage</source>
        <translation>显示用法</translation>
    </message>
    <message>
        <source>See &apos;%1 --help&apos;.</source>
        <translation>请参阅 &apos;%1 --help&apos;。</translation>
    </message>
    <message>
        <source>Usage:  %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Format output: &quot;json&quot; prints JSON, a Go template prints it for each object, &quot;table&quot; and a template prints columns</source>
        <translation>输出格式：&quot;json&quot; 输出 JSON，Go 模板按每个对象输出，&quot;table&quot; 加模板按列输出</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;%2&quot; flag: not a whole number</source>
        <translation>“%2”选项的参数“%1”无效：不是整数</translation>
    </message>
</context>
<context>
    <name>CommandTable</name>
    <message>
        <source>A container manager with its own engine, for Linux desktops</source>
        <translation>自带引擎的 Linux 桌面容器管理器</translation>
    </message>
    <message>
        <source>Get real time events from the engine</source>
        <translation>实时获取引擎事件</translation>
    </message>
    <message>
        <source>Display system-wide information</source>
        <translation>显示系统范围的信息</translation>
    </message>
    <message>
        <source>Manage the Berth engine</source>
        <translation>管理 Berth 引擎</translation>
    </message>
    <message>
        <source>Show the Berth version information</source>
        <translation>显示 Berth 版本信息</translation>
    </message>
    <message>
        <source>Print the version and quit</source>
        <translation>显示版本并退出</translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation>未知选项：%1</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a berth command.</source>
        <translation>%1：&apos;%2&apos; 不是 berth 命令。</translation>
    </message>
    <message>
        <source>See &apos;%1 --help&apos;.</source>
        <translation>请参阅 &apos;%1 --help&apos;。</translation>
    </message>
    <message>
        <source>Usage:  %1 COMMAND</source>
        <translation>用法：%1 命令</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run &apos;%1 COMMAND --help&apos; for more information on a command.</source>
        <translation>运行 &apos;%1 命令 --help&apos; 查看命令的详细信息。</translation>
    </message>
    <message>
        <source>Read the engine&apos;s settings file again and apply it</source>
        <translation>重新读取并应用引擎的设置文件</translation>
    </message>
    <message>
        <source>Show the history of an image</source>
        <translation>显示镜像的历史</translation>
    </message>
    <message>
        <source>Display detailed information on one or more images</source>
        <translation>显示一个或多个镜像的详细信息</translation>
    </message>
    <message>
        <source>List images</source>
        <translation>列出镜像</translation>
    </message>
    <message>
        <source>Remove unused images</source>
        <translation>删除未使用的镜像</translation>
    </message>
    <message>
        <source>Remove one or more images</source>
        <translation>删除一个或多个镜像</translation>
    </message>
    <message>
        <source>Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE</source>
        <translation>创建指向 SOURCE_IMAGE 的标签 TARGET_IMAGE</translation>
    </message>
    <message>
        <source>Manage images</source>
        <translation>管理镜像</translation>
    </message>
    <message>
        <source>Load an image from a tar archive or STDIN</source>
        <translation>从 tar 归档或标准输入载入镜像</translation>
    </message>
    <message>
        <source>Save one or more images to a tar archive (streamed to STDOUT by default)</source>
        <translation>将一个或多个镜像保存为 tar 归档（默认输出到标准输出）</translation>
    </message>
    <message>
        <source>Import the contents from a tarball to create a filesystem image</source>
        <translation>从 tarball 导入内容以创建文件系统镜像</translation>
    </message>
    <message>
        <source>Show engine disk usage</source>
        <translation>显示引擎的磁盘使用情况</translation>
    </message>
    <message>
        <source>Create a new container</source>
        <translation>创建新容器</translation>
    </message>
    <message>
        <source>Display detailed information on one or more containers</source>
        <translation>显示一个或多个容器的详细信息</translation>
    </message>
    <message>
        <source>Kill one or more running containers</source>
        <translation>强制终止一个或多个运行中的容器</translation>
    </message>
    <message>
        <source>Fetch the logs of a container</source>
        <translation>获取容器的日志</translation>
    </message>
    <message>
        <source>List containers</source>
        <translation>列出容器</translation>
    </message>
    <message>
        <source>Pause all processes within one or more containers</source>
        <translation>暂停一个或多个容器中的所有进程</translation>
    </message>
    <message>
        <source>Remove all stopped containers</source>
        <translation>删除所有已停止的容器</translation>
    </message>
    <message>
        <source>Rename a container</source>
        <translation>重命名容器</translation>
    </message>
    <message>
        <source>Restart one or more containers</source>
        <translation>重启一个或多个容器</translation>
    </message>
    <message>
        <source>Remove one or more containers</source>
        <translation>删除一个或多个容器</translation>
    </message>
    <message>
        <source>Create and run a new container from an image</source>
        <translation>从镜像创建并运行新容器</translation>
    </message>
    <message>
        <source>Start one or more stopped containers</source>
        <translation>启动一个或多个已停止的容器</translation>
    </message>
    <message>
        <source>Stop one or more running containers</source>
        <translation>停止一个或多个运行中的容器</translation>
    </message>
    <message>
        <source>Unpause all processes within one or more containers</source>
        <translation>恢复一个或多个容器中的所有进程</translation>
    </message>
    <message>
        <source>Block until one or more containers stop, then print their exit codes</source>
        <translation>阻塞直到一个或多个容器停止，然后输出它们的退出码</translation>
    </message>
    <message>
        <source>Manage containers</source>
        <translation>管理容器</translation>
    </message>
    <message>
        <source>Return low-level information on Berth objects</source>
        <translation>返回 Berth 对象的底层信息</translation>
    </message>
    <message>
        <source>Display a live stream of container(s) resource usage statistics</source>
        <translation>实时显示容器的资源使用统计</translation>
    </message>
    <message>
        <source>Display the running processes of a container</source>
        <translation>显示容器中正在运行的进程</translation>
    </message>
    <message>
        <source>Execute a command in a running container</source>
        <translation>在运行中的容器里执行命令</translation>
    </message>
    <message>
        <source>Attach local standard input, output, and error streams to a running container</source>
        <translation>将本地的标准输入、输出和错误流附加到运行中的容器</translation>
    </message>
    <message>
        <source>List port mappings or a specific mapping for the container</source>
        <translation>列出容器的端口映射或指定的映射</translation>
    </message>
    <message>
        <source>Manage networks</source>
        <translation>管理网络</translation>
    </message>
    <message>
        <source>Connect a container to a network</source>
        <translation>将容器连接到网络</translation>
    </message>
    <message>
        <source>Create a network</source>
        <translation>创建网络</translation>
    </message>
    <message>
        <source>Disconnect a container from a network</source>
        <translation>将容器从网络断开</translation>
    </message>
    <message>
        <source>Display detailed information on one or more networks</source>
        <translation>显示一个或多个网络的详细信息</translation>
    </message>
    <message>
        <source>List networks</source>
        <translation>列出网络</translation>
    </message>
    <message>
        <source>Remove all unused networks</source>
        <translation>删除所有未使用的网络</translation>
    </message>
    <message>
        <source>Remove one or more networks</source>
        <translation>删除一个或多个网络</translation>
    </message>
    <message>
        <source>Manage volumes</source>
        <translation>管理卷</translation>
    </message>
    <message>
        <source>Create a volume</source>
        <translation>创建卷</translation>
    </message>
    <message>
        <source>Display detailed information on one or more volumes</source>
        <translation>显示一个或多个卷的详细信息</translation>
    </message>
    <message>
        <source>List volumes</source>
        <translation>列出卷</translation>
    </message>
    <message>
        <source>Remove unused local volumes</source>
        <translation>删除未使用的本地卷</translation>
    </message>
    <message>
        <source>Remove one or more volumes</source>
        <translation>删除一个或多个卷</translation>
    </message>
    <message>
        <source>Inspect changes to files or directories on a container&apos;s filesystem</source>
        <translation>查看容器文件系统中文件或目录的变更</translation>
    </message>
    <message>
        <source>Create a new image from a container&apos;s changes</source>
        <translation>从容器的变更创建新镜像</translation>
    </message>
    <message>
        <source>Copy files/folders between a container and the local filesystem</source>
        <translation>在容器和本地文件系统之间复制文件或目录</translation>
    </message>
    <message>
        <source>Export a container&apos;s filesystem as a tar archive</source>
        <translation>将容器的文件系统导出为 tar 归档</translation>
    </message>
    <message>
        <source>Download an image from a registry</source>
        <translation>从镜像仓库下载镜像</translation>
    </message>
    <message>
        <source>Upload an image to a registry</source>
        <translation>将镜像上传到镜像仓库</translation>
    </message>
    <message>
        <source>Log in to a registry</source>
        <translation>登录镜像仓库</translation>
    </message>
    <message>
        <source>Log out from a registry</source>
        <translation>登出镜像仓库</translation>
    </message>
    <message>
        <source>Search a registry&apos;s catalog for repositories</source>
        <translation>在镜像仓库的目录中搜索仓库</translation>
    </message>
</context>
<context>
    <name>ContainerCommand</name>
    <message>
        <source>Up %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>Up %1 (Paused)</source>
        <translation>已运行 %1 (已暂停)</translation>
    </message>
    <message>
        <source>Restarting (%1) %2</source>
        <translation>正在重启 (%1) %2</translation>
    </message>
    <message>
        <source>Exited (%1) %2</source>
        <translation>已退出 (%1) %2</translation>
    </message>
    <message>
        <source>Removal In Progress</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>&quot;%1&quot; requires at least 1 argument.</source>
        <translation>&quot;%1&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Manage containers</source>
        <translation>管理容器</translation>
    </message>
    <message>
        <source>List containers</source>
        <translation>列出容器</translation>
    </message>
    <message>
        <source>Show all containers (default shows just running)</source>
        <translation>显示所有容器（默认只显示运行中的容器）</translation>
    </message>
    <message>
        <source>Only display container IDs</source>
        <translation>只显示容器 ID</translation>
    </message>
    <message>
        <source>Display total file sizes</source>
        <translation>显示文件总大小</translation>
    </message>
    <message>
        <source>Show n last created containers (includes all states)</source>
        <translation>显示最近创建的 n 个容器（包括所有状态）</translation>
    </message>
    <message>
        <source>Show the latest created container (includes all states)</source>
        <translation>显示最近创建的容器（包括所有状态）</translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation>不截断输出</translation>
    </message>
    <message>
        <source>Filter output based on conditions provided</source>
        <translation>按给定条件过滤输出</translation>
    </message>
    <message>
        <source>bad format of filter (expected name=value)</source>
        <translation>过滤条件格式错误（应为 name=value）</translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation>容器 ID</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Stop one or more running containers</source>
        <translation>停止一个或多个运行中的容器</translation>
    </message>
    <message>
        <source>Seconds to wait before killing the container</source>
        <translation>强制终止容器前等待的秒数</translation>
    </message>
    <message>
        <source>Signal to send to the container</source>
        <translation>发送给容器的信号</translation>
    </message>
    <message>
        <source>Restart one or more containers</source>
        <translation>重启一个或多个容器</translation>
    </message>
    <message>
        <source>Kill one or more running containers</source>
        <translation>强制终止一个或多个运行中的容器</translation>
    </message>
    <message>
        <source>Remove one or more containers</source>
        <translation>删除一个或多个容器</translation>
    </message>
    <message>
        <source>Force the removal of a running container (uses SIGKILL)</source>
        <translation>强制删除运行中的容器（使用 SIGKILL）</translation>
    </message>
    <message>
        <source>Remove anonymous volumes associated with the container</source>
        <translation>删除与容器关联的匿名数据卷</translation>
    </message>
    <message>
        <source>Pause all processes within one or more containers</source>
        <translation>暂停一个或多个容器中的所有进程</translation>
    </message>
    <message>
        <source>Unpause all processes within one or more containers</source>
        <translation>恢复一个或多个容器中的所有进程</translation>
    </message>
    <message>
        <source>Rename a container</source>
        <translation>重命名容器</translation>
    </message>
    <message>
        <source>&quot;berth rename&quot; requires exactly 2 arguments.</source>
        <translation>&quot;berth rename&quot; 需要恰好 2 个参数。</translation>
    </message>
    <message>
        <source>Block until one or more containers stop, then print their exit codes</source>
        <translation>阻塞直到一个或多个容器停止，然后输出它们的退出码</translation>
    </message>
    <message>
        <source>&quot;berth wait&quot; requires at least 1 argument.</source>
        <translation>&quot;berth wait&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Fetch the logs of a container</source>
        <translation>获取容器的日志</translation>
    </message>
    <message>
        <source>Follow log output</source>
        <translation>持续跟踪日志输出</translation>
    </message>
    <message>
        <source>Number of lines to show from the end of the logs</source>
        <translation>从日志末尾起显示的行数</translation>
    </message>
    <message>
        <source>Show timestamps</source>
        <translation>显示时间戳</translation>
    </message>
    <message>
        <source>Show logs since timestamp or relative (e.g. 42m for 42 minutes)</source>
        <translation>显示某个时间戳或相对时间之后的日志（例如 42m 表示 42 分钟）</translation>
    </message>
    <message>
        <source>Show logs before a timestamp or relative (e.g. 42m for 42 minutes)</source>
        <translation>显示某个时间戳或相对时间之前的日志（例如 42m 表示 42 分钟）</translation>
    </message>
    <message>
        <source>&quot;berth logs&quot; requires exactly 1 argument.</source>
        <translation>&quot;berth logs&quot; 需要恰好 1 个参数。</translation>
    </message>
    <message>
        <source>invalid tail value &quot;%1&quot;</source>
        <translation>无效的 tail 值 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Display detailed information on one or more containers</source>
        <translation>显示一个或多个容器的详细信息</translation>
    </message>
    <message>
        <source>&quot;berth container inspect&quot; requires at least 1 argument.</source>
        <translation>&quot;berth container inspect&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Return low-level information on Berth objects</source>
        <translation>返回 Berth 对象的底层信息</translation>
    </message>
    <message>
        <source>&quot;berth inspect&quot; requires at least 1 argument.</source>
        <translation>&quot;berth inspect&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Error: No such object: %1</source>
        <translation>错误：没有这个对象：%1</translation>
    </message>
    <message>
        <source>Remove all stopped containers</source>
        <translation>删除所有已停止的容器</translation>
    </message>
    <message>
        <source>Do not prompt for confirmation</source>
        <translation>不提示确认</translation>
    </message>
    <message>
        <source>WARNING! This will remove all stopped containers.</source>
        <translation>警告！这将删除所有已停止的容器。</translation>
    </message>
    <message>
        <source>Deleted Containers:</source>
        <translation>已删除的容器：</translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation>共回收空间：%1</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>container state</comment>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Display the running processes of a container</source>
        <translation>显示容器中正在运行的进程</translation>
    </message>
    <message>
        <source>&quot;berth top&quot; requires exactly 1 argument.</source>
        <translation>&quot;berth top&quot; 需要且只需要 1 个参数。</translation>
    </message>
    <message>
        <source>Display a live stream of container(s) resource usage statistics</source>
        <translation>实时显示容器的资源使用统计</translation>
    </message>
    <message>
        <source>Disable streaming stats and only pull the first result</source>
        <translation>不持续刷新，只显示第一次的结果</translation>
    </message>
    <message>
        <source>Do not truncate output</source>
        <translation>不截断输出</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>MEM USAGE / LIMIT</source>
        <translation>内存用量 / 上限</translation>
    </message>
    <message>
        <source>MEM %</source>
        <translation>内存 %</translation>
    </message>
    <message>
        <source>NET I/O</source>
        <translation>网络 I/O</translation>
    </message>
    <message>
        <source>BLOCK I/O</source>
        <translation>块设备 I/O</translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>%1 (virtual %2)</source>
        <extracomment>docker ps -s: &quot;12B (virtual 1.98MB)&quot;</extracomment>
        <translation>%1（虚拟 %2）</translation>
    </message>
    <message>
        <source>Attach local standard input, output, and error streams to a running container</source>
        <translation>将本地的标准输入、输出和错误流附加到运行中的容器</translation>
    </message>
    <message>
        <source>Do not attach STDIN</source>
        <translation>不附加 STDIN</translation>
    </message>
    <message>
        <source>&quot;berth attach&quot; requires exactly 1 argument.</source>
        <translation>&quot;berth attach&quot; 需要且只需要 1 个参数。</translation>
    </message>
    <message>
        <source>read escape sequence</source>
        <translation>已读到脱离按键序列</translation>
    </message>
    <message>
        <source>Override the key sequence for detaching a container</source>
        <translation>覆盖用于脱离容器的按键序列</translation>
    </message>
    <message>
        <source>Proxy all received signals to the process (default true)</source>
        <translation>将收到的所有信号转发给进程（默认 true）</translation>
    </message>
    <message>
        <source>List port mappings or a specific mapping for the container</source>
        <translation>列出容器的端口映射或指定的映射</translation>
    </message>
    <message>
        <source>&quot;berth port&quot; requires at least 1 and at most 2 arguments.</source>
        <translation>&quot;berth port&quot; 需要 1 到 2 个参数。</translation>
    </message>
    <message>
        <source>Error: No public port &apos;%1&apos; published for %2</source>
        <extracomment>%1 is a port like 80/tcp, %2 the container as named</extracomment>
        <translation>错误：%2 没有发布公共端口 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Return JSON for specified type (container, image, volume or network)</source>
        <translation>返回指定类型的 JSON（container、image、volume 或 network）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid value for --type</source>
        <translation>&quot;%1&quot; 不是 --type 的有效值</translation>
    </message>
    <message>
        <source>Inspect changes to files or directories on a container&apos;s filesystem</source>
        <translation>查看容器文件系统中文件或目录的变更</translation>
    </message>
    <message>
        <source>&quot;berth diff&quot; requires exactly 1 argument.</source>
        <translation>&quot;berth diff&quot; 需要且只需要 1 个参数。</translation>
    </message>
    <message>
        <source>CREATED AT</source>
        <translation>创建于</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>运行状态</translation>
    </message>
    <message>
        <source>LABELS</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>CONTAINER</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>NETWORKS</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>MOUNTS</source>
        <translation>挂载</translation>
    </message>
    <message>
        <source>LOCAL VOLUMES</source>
        <translation>本地卷</translation>
    </message>
    <message>
        <source>invalid time &quot;%1&quot;: use a duration (10m, 1h30m) or an RFC 3339 time</source>
        <translation>无效的时间“%1”：请使用时长（10m、1h30m）或 RFC 3339 时间</translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;until=&lt;timestamp&gt;&quot;)</source>
        <translation>提供过滤条件（例如“until=&lt;时间戳&gt;”）</translation>
    </message>
</context>
<context>
    <name>ContainerSpec</name>
    <message>
        <source>no image was named</source>
        <translation>未指定镜像</translation>
    </message>
    <message>
        <source>Invalid container name (%1), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed</source>
        <translation>容器名称无效（%1），只允许 [a-zA-Z0-9][a-zA-Z0-9_.-]</translation>
    </message>
    <message>
        <source>invalid environment variable: &quot;%1&quot;</source>
        <translation>无效的环境变量：“%1”</translation>
    </message>
    <message>
        <source>Minimum memory limit allowed is 6MB</source>
        <translation>允许的最小内存限制为 6MB</translation>
    </message>
    <message>
        <source>Minimum memoryswap limit should be larger than memory limit, see usage</source>
        <translation>内存加交换分区限制应大于内存限制，请参阅用法</translation>
    </message>
    <message>
        <source>You should always set the Memory limit when using Memoryswap limit, see usage</source>
        <translation>设置内存加交换分区限制时必须同时设置内存限制，请参阅用法</translation>
    </message>
    <message>
        <source>invalid memory swap limit %1</source>
        <translation>无效的内存加交换分区限制 %1</translation>
    </message>
    <message>
        <source>Range of CPUs is from 0.01 to %1.00, as there are only %1 CPUs available</source>
        <translation>CPU 数量的范围是 0.01 到 %1.00，因为只有 %1 个 CPU 可用</translation>
    </message>
    <message>
        <source>invalid CPU shares %1: the range is 2 to 262144</source>
        <translation>无效的 CPU 份额 %1：范围是 2 到 262144</translation>
    </message>
    <message>
        <source>Invalid value %1 for cpuset cpus</source>
        <translation>cpuset CPU 的值 %1 无效</translation>
    </message>
    <message>
        <source>invalid PIDs limit %1</source>
        <translation>无效的进程数限制 %1</translation>
    </message>
    <message>
        <source>invalid restart policy &apos;%1&apos;</source>
        <translation>无效的重启策略“%1”</translation>
    </message>
    <message>
        <source>maximum retry count cannot be used with restart policy &apos;%1&apos;</source>
        <translation>重启策略“%1”不能使用最大重试次数</translation>
    </message>
    <message>
        <source>Conflicting options: --restart and --rm</source>
        <translation>选项冲突：--restart 与 --rm</translation>
    </message>
    <message>
        <source>unknown capability: &quot;%1&quot;</source>
        <translation>未知的权能：“%1”</translation>
    </message>
    <message>
        <source>invalid network alias &quot;%1&quot;</source>
        <translation>无效的网络别名“%1”</translation>
    </message>
    <message>
        <source>invalid volume specification &quot;%1&quot;: use /host/path:/container/path[:ro|rw] or volume-name:/container/path[:ro|rw]</source>
        <translation>无效的卷规格“%1”：请使用 /host/path:/container/path[:ro|rw] 或 volume-name:/container/path[:ro|rw]</translation>
    </message>
    <message>
        <source>invalid bind mount &quot;%1&quot;: &quot;..&quot; is not allowed</source>
        <translation>无效的绑定挂载“%1”：不允许使用“..”</translation>
    </message>
    <message>
        <source>invalid tmpfs mount &quot;%1:%2&quot;: an absolute path, and size=, mode=, ro, noexec, nosuid, nodev options</source>
        <translation>无效的 tmpfs 挂载“%1:%2”：需要绝对路径，以及 size=、mode=、ro、noexec、nosuid、nodev 选项</translation>
    </message>
    <message>
        <source>invalid network mode &quot;%1&quot;: use bridge, none, host, container:&lt;name|id&gt; or a network&apos;s name</source>
        <translation>无效的网络模式“%1”：请使用 bridge、none、host、container:&lt;名称|ID&gt; 或网络名称</translation>
    </message>
    <message>
        <source>max-size must be a size of at least 1k, like &quot;20m&quot;, not &quot;%1&quot;</source>
        <translation>max-size 必须是至少 1k 的大小，例如“20m”，而不是“%1”</translation>
    </message>
    <message>
        <source>max-file must be a number from 1 to 100, not &quot;%1&quot;</source>
        <translation>max-file 必须是 1 到 100 之间的数字，而不是“%1”</translation>
    </message>
    <message>
        <source>unknown log opt &apos;%1&apos; for json-file log driver (max-size, max-file)</source>
        <translation>json-file 日志驱动不认识日志选项“%1”（可用 max-size、max-file）</translation>
    </message>
    <message>
        <source>logging driver &quot;%1&quot; is not supported: use json-file or none</source>
        <translation>不支持日志驱动“%1”：请使用 json-file 或 none</translation>
    </message>
    <message>
        <source>the none logging driver takes no options</source>
        <translation>none 日志驱动不接受任何选项</translation>
    </message>
    <message>
        <source>invalid device specification: %1</source>
        <translation>无效的设备规格：%1</translation>
    </message>
    <message>
        <source>invalid device &quot;%1&quot;: use /dev/host-device[:/dev/in-container][:rwm]</source>
        <translation>无效的设备“%1”：请使用 /dev/主机设备[:/dev/容器内路径][:rwm]</translation>
    </message>
    <message>
        <source>invalid --security-opt &quot;%1&quot;: Berth knows no-new-privileges[:true|false], seccomp=unconfined|&lt;profile.json&gt;, apparmor=unconfined and label=disable</source>
        <translation>无效的 --security-opt“%1”：Berth 支持 no-new-privileges[:true|false]、seccomp=unconfined|&lt;profile.json&gt;、apparmor=unconfined 和 label=disable</translation>
    </message>
    <message>
        <source>the seccomp profile is not one docker reads: a JSON object with defaultAction and syscalls</source>
        <translation>该 seccomp 配置不是 docker 可读的格式：应为含 defaultAction 和 syscalls 的 JSON 对象</translation>
    </message>
</context>
<context>
    <name>CopyCommand</name>
    <message>
        <source>Successfully copied %1 to %2</source>
        <translation>已成功复制 %1 到 %2</translation>
    </message>
    <message>
        <source>not a directory</source>
        <translation>不是目录</translation>
    </message>
    <message>
        <source>cannot copy a directory to a file</source>
        <translation>不能把目录复制到文件</translation>
    </message>
    <message>
        <source>no such directory</source>
        <translation>没有这个目录</translation>
    </message>
    <message>
        <source>Copying from container</source>
        <translation>正在从容器复制</translation>
    </message>
    <message>
        <source>destination must be a directory</source>
        <translation>目标必须是目录</translation>
    </message>
    <message>
        <source>Copying to container</source>
        <translation>正在复制到容器</translation>
    </message>
    <message>
        <source>Archive mode (copy all uid/gid information)</source>
        <translation>归档模式（复制所有 uid/gid 信息）</translation>
    </message>
    <message>
        <source>Always follow symbol link in SRC_PATH</source>
        <translation>始终跟随 SRC_PATH 中的符号链接</translation>
    </message>
    <message>
        <source>Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached</source>
        <translation>复制时不显示进度。未连接终端时自动不显示进度</translation>
    </message>
    <message>
        <source>&quot;berth cp&quot; requires exactly 2 arguments.</source>
        <translation>&quot;berth cp&quot; 需要恰好 2 个参数。</translation>
    </message>
    <message>
        <source>copying between containers is not supported</source>
        <translation>不支持在容器之间复制</translation>
    </message>
    <message>
        <source>must specify at least one container source</source>
        <translation>至少要指定一个容器路径</translation>
    </message>
    <message>
        <source>Export a container&apos;s filesystem as a tar archive</source>
        <translation>将容器的文件系统导出为 tar 归档</translation>
    </message>
    <message>
        <source>Write to a file, instead of STDOUT</source>
        <translation>写入文件，而不是标准输出</translation>
    </message>
    <message>
        <source>&quot;berth export&quot; requires exactly 1 argument.</source>
        <translation>&quot;berth export&quot; 需要恰好 1 个参数。</translation>
    </message>
    <message>
        <source>cowardly refusing to save to a terminal. Use the -o flag or redirect</source>
        <translation>拒绝保存到终端。请使用 -o 选项或重定向输出</translation>
    </message>
    <message>
        <source>Copy files/folders between a container and the local filesystem. Use &apos;-&apos; as the source to read a tar archive from stdin and extract it to a directory destination in a container, or as the destination to stream a tar archive of a container source to stdout.</source>
        <translation>在容器和本地文件系统之间复制文件或目录。源为 &apos;-&apos; 时从标准输入读取 tar 归档并解压到容器中的目标目录；目标为 &apos;-&apos; 时将容器中源路径的 tar 归档输出到标准输出。</translation>
    </message>
    <message>
        <source>Could not find the file %1 in container %2</source>
        <translation>在容器 %2 中找不到文件 %1</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <source>there is no system bus at %1 (%2).</source>
        <translation>%1 处没有系统总线（%2）。</translation>
    </message>
    <message>
        <source>nothing answers for %1 on the system bus.</source>
        <translation>系统总线上没有 %1 的应答。</translation>
    </message>
    <message>
        <source>Cannot reach the Berth engine: %1</source>
        <translation>无法连接 Berth 引擎：%1</translation>
    </message>
    <message>
        <source>Start it with &quot;sudo systemctl start berth-helper&quot;, or &quot;sudo ./berth-dev engine&quot; in a source checkout.</source>
        <translation>请用 &quot;sudo systemctl start berth-helper&quot; 启动它，在源码目录中可用 &quot;sudo ./berth-dev engine&quot;。</translation>
    </message>
    <message>
        <source>Error response from engine: %1</source>
        <translation>引擎返回错误：%1</translation>
    </message>
</context>
<context>
    <name>GoTemplate</name>
    <message>
        <source>Template parsing error: %1</source>
        <translation>模板解析错误：%1</translation>
    </message>
    <message>
        <source>unterminated quoted string</source>
        <translation>引号字符串未结束</translation>
    </message>
    <message>
        <source>bad field &quot;%1&quot;</source>
        <translation>无效的字段 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;</source>
        <translation>意外的 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>missing value</source>
        <translation>缺少值</translation>
    </message>
    <message>
        <source>too many values</source>
        <translation>值过多</translation>
    </message>
    <message>
        <source>unexpected &quot;)&quot;</source>
        <translation>意外的 &quot;)&quot;</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; not defined here</source>
        <translation>此处不能定义函数 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unclosed &quot;(&quot;</source>
        <translation>&quot;(&quot; 未闭合</translation>
    </message>
    <message>
        <source>unclosed action</source>
        <translation>动作未闭合</translation>
    </message>
    <message>
        <source>unexpected {{%1}}</source>
        <translation>意外的 {{%1}}</translation>
    </message>
    <message>
        <source>missing value for %1</source>
        <translation>%1 缺少值</translation>
    </message>
    <message>
        <source>empty action</source>
        <translation>空动作</translation>
    </message>
    <message>
        <source>unexpected EOF: an {{if}} or {{range}} has no {{end}}</source>
        <translation>意外的结尾：{{if}} 或 {{range}} 缺少 {{end}}</translation>
    </message>
    <message>
        <source>Template error: %1 takes %2 arguments, not %3</source>
        <translation>模板错误：%1 需要 %2 个参数，而不是 %3 个</translation>
    </message>
    <message>
        <source>Template error: len of %1</source>
        <translation>模板错误：无法求 %1 的长度</translation>
    </message>
    <message>
        <source>Template error: index needs a value</source>
        <translation>模板错误：index 需要一个值</translation>
    </message>
    <message>
        <source>Template error: cannot index %1 with %2</source>
        <translation>模板错误：无法用 %2 索引 %1</translation>
    </message>
    <message>
        <source>Template parsing error: function &quot;%1&quot; not defined</source>
        <translation>模板解析错误：函数 &quot;%1&quot; 未定义</translation>
    </message>
    <message>
        <source>Template error: can&apos;t evaluate field %1 in %2</source>
        <translation>模板错误：无法在 %2 中求字段 %1 的值</translation>
    </message>
    <message>
        <source>Template error: a value cannot take arguments</source>
        <translation>模板错误：值不能带参数</translation>
    </message>
    <message>
        <source>Template error: range can&apos;t iterate over %1</source>
        <translation>模板错误：range 无法遍历 %1</translation>
    </message>
    <message>
        <source>Template error: printf needs a format</source>
        <translation>模板错误：printf 需要一个格式</translation>
    </message>
</context>
<context>
    <name>ImageCommand</name>
    <message>
        <source>Untagged: %1</source>
        <translation>已取消标签：%1</translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <source>Manage images</source>
        <translation>管理镜像</translation>
    </message>
    <message>
        <source>Display detailed information on one or more images</source>
        <translation>显示一个或多个镜像的详细信息</translation>
    </message>
    <message>
        <source>&quot;berth image inspect&quot; requires at least 1 argument.</source>
        <translation>&quot;berth image inspect&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Show the history of an image</source>
        <translation>显示镜像的历史</translation>
    </message>
    <message>
        <source>Print sizes and dates in human readable format (default true)</source>
        <translation>以易读格式显示大小和日期（默认开启）</translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation>不截断输出</translation>
    </message>
    <message>
        <source>Only show image IDs</source>
        <translation>只显示镜像 ID</translation>
    </message>
    <message>
        <source>&quot;berth history&quot; requires exactly 1 argument.</source>
        <translation>&quot;berth history&quot; 需要恰好 1 个参数。</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation>创建命令</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>COMMENT</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE</source>
        <translation>创建指向 SOURCE_IMAGE 的标签 TARGET_IMAGE</translation>
    </message>
    <message>
        <source>&quot;berth tag&quot; requires exactly 2 arguments.</source>
        <translation>&quot;berth tag&quot; 需要恰好 2 个参数。</translation>
    </message>
    <message>
        <source>Remove one or more images</source>
        <translation>删除一个或多个镜像</translation>
    </message>
    <message>
        <source>Force removal of the image</source>
        <translation>强制删除镜像</translation>
    </message>
    <message>
        <source>Do not delete untagged parents</source>
        <translation>不删除无标签的父镜像</translation>
    </message>
    <message>
        <source>&quot;berth rmi&quot; requires at least 1 argument.</source>
        <translation>&quot;berth rmi&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Remove unused images</source>
        <translation>删除未使用的镜像</translation>
    </message>
    <message>
        <source>Remove all unused images, not just dangling ones</source>
        <translation>删除所有未使用的镜像，而不只是悬空镜像</translation>
    </message>
    <message>
        <source>Do not prompt for confirmation</source>
        <translation>不提示确认</translation>
    </message>
    <message>
        <source>WARNING! This will remove all images without at least one container associated to them.</source>
        <translation>警告！这将删除所有没有关联容器的镜像。</translation>
    </message>
    <message>
        <source>WARNING! This will remove all dangling images.</source>
        <translation>警告！这将删除所有悬空镜像。</translation>
    </message>
    <message>
        <source>Deleted Images:</source>
        <translation>已删除的镜像：</translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation>共回收空间：%1</translation>
    </message>
</context>
<context>
    <name>ImagesCommand</name>
    <message>
        <source>bad format of filter (expected name=value): %1</source>
        <translation>过滤条件格式错误（应为 name=value）：%1</translation>
    </message>
    <message>
        <source>invalid filter &apos;dangling=%1&apos;: use true or false</source>
        <translation>无效的过滤条件 &apos;dangling=%1&apos;：请使用 true 或 false</translation>
    </message>
    <message>
        <source>List images</source>
        <translation>列出镜像</translation>
    </message>
    <message>
        <source>Show all images (default hides intermediate images)</source>
        <translation>显示所有镜像（默认隐藏中间镜像）</translation>
    </message>
    <message>
        <source>Only show image IDs</source>
        <translation>只显示镜像 ID</translation>
    </message>
    <message>
        <source>Show digests</source>
        <translation>显示摘要</translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation>不截断输出</translation>
    </message>
    <message>
        <source>Filter output based on conditions provided</source>
        <translation>按给定条件过滤输出</translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>CREATED AT</source>
        <translation>创建于</translation>
    </message>
    <message>
        <source>CONTAINERS</source>
        <translation>容器数</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import the contents from a tarball to create a filesystem image</source>
        <translation>从 tarball 导入内容以创建文件系统镜像</translation>
    </message>
    <message>
        <source>Apply Dockerfile instruction to the created image</source>
        <translation>对创建的镜像应用 Dockerfile 指令</translation>
    </message>
    <message>
        <source>Set commit message for imported image</source>
        <translation>设置导入镜像的提交说明</translation>
    </message>
    <message>
        <source>&quot;berth import&quot; requires at least 1 and at most 2 arguments.</source>
        <translation>&quot;berth import&quot; 需要 1 到 2 个参数。</translation>
    </message>
    <message>
        <source>See &apos;berth import --help&apos;.</source>
        <translation>请参阅 &apos;berth import --help&apos;。</translation>
    </message>
    <message>
        <source>importing from a URL is not supported; download the file and import it</source>
        <translation>不支持从 URL 导入；请先下载文件再导入</translation>
    </message>
    <message>
        <source>open %1: %2</source>
        <translation>打开 %1：%2</translation>
    </message>
    <message>
        <source>Create a new image from a container&apos;s changes</source>
        <translation>从容器的变更创建新镜像</translation>
    </message>
    <message>
        <source>Author (e.g., &quot;John Hannibal Smith &lt;hannibal@a-team.com&gt;&quot;)</source>
        <translation>作者（例如 &quot;John Hannibal Smith &lt;hannibal@a-team.com&gt;&quot;）</translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation>提交说明</translation>
    </message>
    <message>
        <source>Pause container during commit (default true)</source>
        <translation>提交时暂停容器（默认 true）</translation>
    </message>
    <message>
        <source>&quot;berth commit&quot; requires at least 1 and at most 2 arguments.</source>
        <translation>&quot;berth commit&quot; 需要 1 到 2 个参数。</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;-p, --pause&quot; flag</source>
        <translation>&quot;-p, --pause&quot; 选项的参数 &quot;%1&quot; 无效</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <source>Display system-wide information</source>
        <translation>显示系统范围的信息</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>客户端：</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务端：</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Server Version</source>
        <translation>服务端版本</translation>
    </message>
    <message>
        <source>Storage Driver</source>
        <translation>存储驱动</translation>
    </message>
    <message>
        <source>Cgroup Version</source>
        <translation>Cgroup 版本</translation>
    </message>
    <message>
        <source>Cgroup Controllers</source>
        <translation>Cgroup 控制器</translation>
    </message>
    <message>
        <source>Kernel Version</source>
        <translation>内核版本</translation>
    </message>
    <message>
        <source>Operating System</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>Total Memory</source>
        <translation>总内存</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Data Root</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Run Root</source>
        <translation>运行目录</translation>
    </message>
    <message>
        <source>Settings File</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>Running Jobs</source>
        <translation>运行中的任务</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Debug Mode</source>
        <translation>调试模式</translation>
    </message>
    <message>
        <source>WARNING: this kernel has no overlay filesystem; containers cannot run.</source>
        <translation>警告：此内核没有 overlay 文件系统，无法运行容器。</translation>
    </message>
</context>
<context>
    <name>LoadCommand</name>
    <message>
        <source>Load an image from a tar archive or STDIN</source>
        <translation>从 tar 归档或标准输入载入镜像</translation>
    </message>
    <message>
        <source>Read from tar archive file, instead of STDIN</source>
        <translation>从 tar 归档文件读取，而不是标准输入</translation>
    </message>
    <message>
        <source>Suppress the load output</source>
        <translation>不显示载入输出</translation>
    </message>
    <message>
        <source>open %1: %2</source>
        <translation>打开 %1：%2</translation>
    </message>
    <message>
        <source>requested load from stdin, but stdin is empty</source>
        <translation>要求从标准输入载入，但标准输入为空</translation>
    </message>
    <message>
        <source>Loaded image ID: %1</source>
        <translation>已载入镜像 ID：%1</translation>
    </message>
    <message>
        <source>Loaded image: %1</source>
        <translation>已载入镜像：%1</translation>
    </message>
</context>
<context>
    <name>NetworkCommand</name>
    <message>
        <source>Manage networks</source>
        <translation>管理网络</translation>
    </message>
    <message>
        <source>Create a network</source>
        <translation>创建网络</translation>
    </message>
    <message>
        <source>Driver to manage the Network</source>
        <translation>管理该网络的驱动</translation>
    </message>
    <message>
        <source>Subnet in CIDR format that represents a network segment</source>
        <translation>以 CIDR 格式表示网段的子网</translation>
    </message>
    <message>
        <source>IPv4 or IPv6 Gateway for the master subnet</source>
        <translation>主子网的 IPv4 或 IPv6 网关</translation>
    </message>
    <message>
        <source>Restrict external access to the network</source>
        <translation>限制网络的外部访问</translation>
    </message>
    <message>
        <source>Set metadata on a network</source>
        <translation>设置网络的元数据</translation>
    </message>
    <message>
        <source>&quot;berth network create&quot; requires exactly 1 argument.</source>
        <translation>&quot;berth network create&quot; 需要且只需要 1 个参数。</translation>
    </message>
    <message>
        <source>only the bridge driver is supported, not &quot;%1&quot;</source>
        <translation>只支持 bridge 驱动，不支持 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>List networks</source>
        <translation>列出网络</translation>
    </message>
    <message>
        <source>Only display network IDs</source>
        <translation>只显示网络 ID</translation>
    </message>
    <message>
        <source>Do not truncate the output</source>
        <translation>不截断输出</translation>
    </message>
    <message>
        <source>NETWORK ID</source>
        <translation>网络 ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>DRIVER</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>SCOPE</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Display detailed information on one or more networks</source>
        <translation>显示一个或多个网络的详细信息</translation>
    </message>
    <message>
        <source>&quot;berth network inspect&quot; requires at least 1 argument.</source>
        <translation>&quot;berth network inspect&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Remove one or more networks</source>
        <translation>删除一个或多个网络</translation>
    </message>
    <message>
        <source>&quot;berth network rm&quot; requires at least 1 argument.</source>
        <translation>&quot;berth network rm&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Connect a container to a network</source>
        <translation>将容器连接到网络</translation>
    </message>
    <message>
        <source>Add network-scoped alias for the container</source>
        <translation>为容器添加网络范围内的别名</translation>
    </message>
    <message>
        <source>&quot;berth network connect&quot; requires exactly 2 arguments.</source>
        <translation>&quot;berth network connect&quot; 需要且只需要 2 个参数。</translation>
    </message>
    <message>
        <source>Disconnect a container from a network</source>
        <translation>将容器从网络断开</translation>
    </message>
    <message>
        <source>Force the container to disconnect from a network</source>
        <translation>强制将容器从网络断开</translation>
    </message>
    <message>
        <source>&quot;berth network disconnect&quot; requires exactly 2 arguments.</source>
        <translation>&quot;berth network disconnect&quot; 需要且只需要 2 个参数。</translation>
    </message>
    <message>
        <source>Remove all unused networks</source>
        <translation>删除所有未使用的网络</translation>
    </message>
    <message>
        <source>Do not prompt for confirmation</source>
        <translation>不提示确认</translation>
    </message>
    <message>
        <source>WARNING! This will remove all custom networks not used by at least one container.</source>
        <translation>警告！这将删除所有没有被任何容器使用的自定义网络。</translation>
    </message>
    <message>
        <source>Deleted Networks:</source>
        <translation>已删除的网络：</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <source>%1 ago</source>
        <extracomment>&quot;&lt;span&gt; ago&quot;, e.g. &quot;6 months ago&quot;</extracomment>
        <translation>%1前</translation>
    </message>
    <message>
        <source>Are you sure you want to continue? [y/N] </source>
        <translation>确定要继续吗？[y/N] </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot make a pipe to the engine: %1</source>
        <translation>无法创建通往引擎的管道：%1</translation>
    </message>
</context>
<context>
    <name>RegistryCommand</name>
    <message>
        <source>Download an image from a registry</source>
        <translation>从镜像仓库下载镜像</translation>
    </message>
    <message>
        <source>Suppress verbose output</source>
        <translation>不显示详细输出</translation>
    </message>
    <message>
        <source>&quot;berth pull&quot; requires exactly 1 argument.</source>
        <translation>&quot;berth pull&quot; 需要恰好 1 个参数。</translation>
    </message>
    <message>
        <source>invalid reference format: %1</source>
        <translation>无效的引用格式：%1</translation>
    </message>
    <message>
        <source>%1: Pulling from %2</source>
        <translation>%1：正在从 %2 拉取</translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>摘要：%1</translation>
    </message>
    <message>
        <source>Status: Downloaded newer image for %1</source>
        <translation>状态：已为 %1 下载较新的镜像</translation>
    </message>
    <message>
        <source>Upload an image to a registry</source>
        <translation>将镜像上传到镜像仓库</translation>
    </message>
    <message>
        <source>&quot;berth push&quot; requires exactly 1 argument.</source>
        <translation>&quot;berth push&quot; 需要恰好 1 个参数。</translation>
    </message>
    <message>
        <source>The push refers to repository [%1]</source>
        <translation>推送的目标仓库为 [%1]</translation>
    </message>
    <message>
        <source>%1: digest: %2 size: %3</source>
        <translation>%1：摘要：%2 大小：%3</translation>
    </message>
    <message>
        <source>Log in to a registry. If no server is specified, docker.io is used.</source>
        <translation>登录镜像仓库。未指定服务器时使用 docker.io。</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Take the password from stdin</source>
        <translation>从标准输入读取密码</translation>
    </message>
    <message>
        <source>&quot;berth login&quot; requires at most 1 argument.</source>
        <translation>&quot;berth login&quot; 最多接受 1 个参数。</translation>
    </message>
    <message>
        <source>--password and --password-stdin are mutually exclusive</source>
        <translation>--password 与 --password-stdin 不能同时使用</translation>
    </message>
    <message>
        <source>Must provide --username with --password-stdin</source>
        <translation>使用 --password-stdin 时必须提供 --username</translation>
    </message>
    <message>
        <source>WARNING! Using --password via the CLI is insecure. Use --password-stdin.</source>
        <translation>警告！在命令行中使用 --password 不安全。请使用 --password-stdin。</translation>
    </message>
    <message>
        <source>Username: </source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Error: a username and a password are needed</source>
        <translation>错误：需要用户名和密码</translation>
    </message>
    <message>
        <source>Login Succeeded</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <source>Log out from a registry. If no server is specified, docker.io is used.</source>
        <translation>登出镜像仓库。未指定服务器时使用 docker.io。</translation>
    </message>
    <message>
        <source>&quot;berth logout&quot; requires at most 1 argument.</source>
        <translation>&quot;berth logout&quot; 最多接受 1 个参数。</translation>
    </message>
    <message>
        <source>Removing login credentials for %1</source>
        <translation>正在删除 %1 的登录凭据</translation>
    </message>
    <message>
        <source>Not logged in to %1</source>
        <translation>未登录 %1</translation>
    </message>
    <message>
        <source>Search a registry&apos;s catalog for repositories, with their tags</source>
        <translation>在镜像仓库的目录中搜索仓库及其标签</translation>
    </message>
    <message>
        <source>Max number of search results</source>
        <translation>搜索结果的最大数量</translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation>不截断输出</translation>
    </message>
    <message>
        <source>&quot;berth search&quot; requires exactly 1 argument.</source>
        <translation>&quot;berth search&quot; 需要恰好 1 个参数。</translation>
    </message>
    <message>
        <source>Name the registry to search, as in &quot;berth search 127.0.0.1:5000/app&quot;: Berth searches registries that offer their catalog.</source>
        <translation>请指明要搜索的镜像仓库，例如 &quot;berth search 127.0.0.1:5000/app&quot;：Berth 只搜索提供目录的镜像仓库。</translation>
    </message>
    <message>
        <source>limit %1 is outside the accepted range [1, 1000]</source>
        <translation>limit %1 超出允许的范围 [1, 1000]</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Set platform if server is multi-platform capable</source>
        <translation>当服务器支持多平台时设置平台</translation>
    </message>
    <message>
        <source>Download all tagged images in the repository</source>
        <translation>下载仓库中所有带标签的镜像</translation>
    </message>
    <message>
        <source>Push all tags of an image to the repository</source>
        <translation>将镜像的所有标签推送到仓库</translation>
    </message>
    <message>
        <source>tag can&apos;t be used with --all-tags/-a</source>
        <translation>标签不能与 --all-tags/-a 同时使用</translation>
    </message>
    <message>
        <source>An image does not exist locally with the tag: %1</source>
        <translation>本地不存在标签为 %1 的镜像</translation>
    </message>
</context>
<context>
    <name>RunCommand</name>
    <message>
        <source>Keep STDIN open even if not attached</source>
        <translation>即使未附加也保持 STDIN 打开</translation>
    </message>
    <message>
        <source>Allocate a pseudo-TTY</source>
        <translation>分配伪终端（pseudo-TTY）</translation>
    </message>
    <message>
        <source>Assign a name to the container</source>
        <translation>为容器指定名称</translation>
    </message>
    <message>
        <source>Set environment variables</source>
        <translation>设置环境变量</translation>
    </message>
    <message>
        <source>Read in a file of environment variables</source>
        <translation>从文件读入环境变量</translation>
    </message>
    <message>
        <source>Bind mount a volume</source>
        <translation>绑定挂载数据卷</translation>
    </message>
    <message>
        <source>Attach a filesystem mount to the container</source>
        <translation>为容器附加文件系统挂载</translation>
    </message>
    <message>
        <source>Working directory inside the container</source>
        <translation>容器内的工作目录</translation>
    </message>
    <message>
        <source>Username or UID (format: &lt;name|uid&gt;[:&lt;group|gid&gt;])</source>
        <translation>用户名或 UID（格式：&lt;name|uid&gt;[:&lt;group|gid&gt;]）</translation>
    </message>
    <message>
        <source>Overwrite the default ENTRYPOINT of the image</source>
        <translation>覆盖镜像默认的 ENTRYPOINT</translation>
    </message>
    <message>
        <source>Automatically remove the container when it exits</source>
        <translation>容器退出时自动删除容器</translation>
    </message>
    <message>
        <source>Restart policy to apply when a container exits (default &quot;no&quot;)</source>
        <translation>容器退出时应用的重启策略（默认 &quot;no&quot;）</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>内存限制</translation>
    </message>
    <message>
        <source>Swap limit equal to memory plus swap: &apos;-1&apos; to enable unlimited swap</source>
        <translation>交换空间限制，等于内存加交换空间：&apos;-1&apos; 表示不限制交换空间</translation>
    </message>
    <message>
        <source>Disable OOM Killer</source>
        <translation>禁用 OOM Killer</translation>
    </message>
    <message>
        <source>Number of CPUs</source>
        <translation>CPU 数量</translation>
    </message>
    <message>
        <source>CPU shares (relative weight)</source>
        <translation>CPU 份额（相对权重）</translation>
    </message>
    <message>
        <source>CPUs in which to allow execution (0-3, 0,1)</source>
        <translation>允许执行的 CPU（0-3, 0,1）</translation>
    </message>
    <message>
        <source>Tune container pids limit (set -1 for unlimited)</source>
        <translation>调整容器的 pids 限制（设为 -1 表示不限制）</translation>
    </message>
    <message>
        <source>Container host name</source>
        <translation>容器主机名</translation>
    </message>
    <message>
        <source>Set meta data on a container</source>
        <translation>设置容器的元数据</translation>
    </message>
    <message>
        <source>Run an init inside the container that forwards signals and reaps processes</source>
        <translation>在容器内运行一个 init 进程，负责转发信号并回收进程</translation>
    </message>
    <message>
        <source>Mount the container&apos;s root filesystem as read only</source>
        <translation>以只读方式挂载容器的根文件系统</translation>
    </message>
    <message>
        <source>Add Linux capabilities</source>
        <translation>添加 Linux 能力（capabilities）</translation>
    </message>
    <message>
        <source>Drop Linux capabilities</source>
        <translation>去除 Linux 能力（capabilities）</translation>
    </message>
    <message>
        <source>Give extended privileges to this container</source>
        <translation>为此容器授予扩展特权</translation>
    </message>
    <message>
        <source>Security Options</source>
        <translation>安全选项</translation>
    </message>
    <message>
        <source>Publish a container&apos;s port(s) to the host</source>
        <translation>将容器的端口发布到主机</translation>
    </message>
    <message>
        <source>Publish all exposed ports to random ports</source>
        <translation>将所有暴露的端口发布到随机端口</translation>
    </message>
    <message>
        <source>Connect a container to a network</source>
        <translation>将容器连接到网络</translation>
    </message>
    <message>
        <source>Signal to stop the container</source>
        <translation>用于停止容器的信号</translation>
    </message>
    <message>
        <source>Timeout (in seconds) to stop a container</source>
        <translation>停止容器的超时时间（秒）</translation>
    </message>
    <message>
        <source>open %1: no such file or directory</source>
        <translation>打开 %1：没有那个文件或目录</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--%2&quot; flag: %3</source>
        <translation>&quot;--%2&quot; 选项的参数 &quot;%1&quot; 无效：%3</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--cpus&quot; flag: %2</source>
        <translation>&quot;--cpus&quot; 选项的参数 &quot;%1&quot; 无效：%2</translation>
    </message>
    <message>
        <source>Create a new container</source>
        <translation>创建新容器</translation>
    </message>
    <message>
        <source>&quot;berth create&quot; requires at least 1 argument.</source>
        <translation>&quot;berth create&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Create and run a new container from an image</source>
        <translation>从镜像创建并运行新容器</translation>
    </message>
    <message>
        <source>Run container in background and print container ID</source>
        <translation>在后台运行容器并输出容器 ID</translation>
    </message>
    <message>
        <source>&quot;berth run&quot; requires at least 1 argument.</source>
        <translation>&quot;berth run&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Start one or more stopped containers</source>
        <translation>启动一个或多个已停止的容器</translation>
    </message>
    <message>
        <source>Attach STDOUT/STDERR and forward signals</source>
        <translation>附加 STDOUT/STDERR 并转发信号</translation>
    </message>
    <message>
        <source>Attach container&apos;s STDIN</source>
        <translation>附加容器的 STDIN</translation>
    </message>
    <message>
        <source>&quot;berth start&quot; requires at least 1 argument.</source>
        <translation>&quot;berth start&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>you cannot start and attach multiple containers at once</source>
        <translation>不能同时启动并附加多个容器</translation>
    </message>
    <message>
        <source>Execute a command in a running container</source>
        <translation>在运行中的容器里执行命令</translation>
    </message>
    <message>
        <source>Detached mode: run command in the background</source>
        <translation>分离模式：在后台运行命令</translation>
    </message>
    <message>
        <source>Username or UID (format: &quot;&lt;name|uid&gt;[:&lt;group|gid&gt;]&quot;)</source>
        <translation>用户名或 UID（格式：&quot;&lt;name|uid&gt;[:&lt;group|gid&gt;]&quot;）</translation>
    </message>
    <message>
        <source>&quot;berth exec&quot; requires at least 2 arguments.</source>
        <translation>&quot;berth exec&quot; 至少需要 2 个参数。</translation>
    </message>
    <message>
        <source>Ulimit options</source>
        <translation>Ulimit 选项</translation>
    </message>
    <message>
        <source>Override the key sequence for detaching a container</source>
        <translation>覆盖用于脱离容器的按键序列</translation>
    </message>
    <message>
        <source>Proxy received signals to the process (default true)</source>
        <translation>将收到的信号转发给进程（默认 true）</translation>
    </message>
    <message>
        <source>Expose a port or a range of ports</source>
        <translation>暴露一个端口或一段端口</translation>
    </message>
    <message>
        <source>Add network-scoped alias for the container</source>
        <translation>为容器添加网络范围内的别名</translation>
    </message>
    <message>
        <source>Mount a tmpfs directory</source>
        <translation>挂载一个 tmpfs 目录</translation>
    </message>
    <message>
        <source>invalid range format for --expose: %1</source>
        <translation>--expose 的范围格式无效：%1</translation>
    </message>
    <message>
        <source>Logging driver for the container (json-file or none)</source>
        <translation>容器的日志驱动（json-file 或 none）</translation>
    </message>
    <message>
        <source>Log driver options (max-size, max-file)</source>
        <translation>日志驱动选项（max-size、max-file）</translation>
    </message>
    <message>
        <source>invalid log opt &quot;%1&quot;: use key=value</source>
        <translation>无效的日志选项“%1”：请使用 key=value</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Add a host device to the container</source>
        <translation>将主机设备添加到容器</translation>
    </message>
    <message>
        <source>opening seccomp profile (%1) failed: %2</source>
        <translation>打开 seccomp 配置（%1）失败：%2</translation>
    </message>
    <message>
        <source>the seccomp profile %1 is not a JSON object</source>
        <translation>seccomp 配置 %1 不是 JSON 对象</translation>
    </message>
</context>
<context>
    <name>SaveCommand</name>
    <message>
        <source>Save one or more images to a tar archive (streamed to STDOUT by default)</source>
        <translation>将一个或多个镜像保存为 tar 归档（默认输出到标准输出）</translation>
    </message>
    <message>
        <source>Write to a file, instead of STDOUT</source>
        <translation>写入文件，而不是标准输出</translation>
    </message>
    <message>
        <source>&quot;berth save&quot; requires at least 1 argument.</source>
        <translation>&quot;berth save&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>See &apos;berth save --help&apos;.</source>
        <translation>请参阅 &apos;berth save --help&apos;。</translation>
    </message>
    <message>
        <source>open %1: %2</source>
        <translation>打开 %1：%2</translation>
    </message>
    <message>
        <source>cowardly refusing to save to a terminal. Use the -o flag or redirect</source>
        <translation>拒绝保存到终端。请使用 -o 选项或重定向输出</translation>
    </message>
</context>
<context>
    <name>Streams</name>
    <message>
        <source>Invalid detach keys (%1) provided</source>
        <translation>提供的分离按键（%1）无效</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--sig-proxy&quot; flag: true or false</source>
        <translation>“--sig-proxy”选项的参数“%1”无效：应为 true 或 false</translation>
    </message>
</context>
<context>
    <name>SystemCommand</name>
    <message>
        <source>Manage the Berth engine</source>
        <translation>管理 Berth 引擎</translation>
    </message>
    <message>
        <source>Read the engine&apos;s settings file again and apply what can change while it runs</source>
        <translation>重新读取引擎的设置文件，并应用运行期间可更改的设置</translation>
    </message>
    <message>
        <source>Settings reloaded; nothing changed.</source>
        <translation>设置已重新加载，没有变化。</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 现在是 %2</translation>
    </message>
    <message>
        <source>Show engine disk usage</source>
        <translation>显示引擎的磁盘使用情况</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>RECLAIMABLE</source>
        <translation>可回收</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Local Volumes</source>
        <translation>本地卷</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>Less than a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 秒</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>About a minute</source>
        <translation>大约一分钟</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>About an hour</source>
        <translation>大约一小时</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
</context>
<context>
    <name>VersionCommand</name>
    <message>
        <source>Show the Berth version information</source>
        <translation>显示 Berth 版本信息</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>客户端：</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Qt 版本</translation>
    </message>
    <message>
        <source>OS/Arch</source>
        <translation>系统/架构</translation>
    </message>
    <message>
        <source>Server: Berth Engine</source>
        <translation>服务端：Berth 引擎</translation>
    </message>
    <message>
        <source>Kernel version</source>
        <translation>内核版本</translation>
    </message>
    <message>
        <source>Build type</source>
        <translation>构建类型</translation>
    </message>
</context>
<context>
    <name>VolumeCommand</name>
    <message>
        <source>Manage volumes</source>
        <translation>管理卷</translation>
    </message>
    <message>
        <source>Create a volume</source>
        <translation>创建卷</translation>
    </message>
    <message>
        <source>Set metadata for a volume</source>
        <translation>设置卷的元数据</translation>
    </message>
    <message>
        <source>&quot;berth volume create&quot; requires at most 1 argument.</source>
        <translation>&quot;berth volume create&quot; 最多需要 1 个参数。</translation>
    </message>
    <message>
        <source>List volumes</source>
        <translation>列出卷</translation>
    </message>
    <message>
        <source>Only display volume names</source>
        <translation>只显示卷名</translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;dangling=true&quot;)</source>
        <translation>提供过滤条件（例如 &quot;dangling=true&quot;）</translation>
    </message>
    <message>
        <source>DRIVER</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>VOLUME NAME</source>
        <translation>卷名</translation>
    </message>
    <message>
        <source>Display detailed information on one or more volumes</source>
        <translation>显示一个或多个卷的详细信息</translation>
    </message>
    <message>
        <source>&quot;berth volume inspect&quot; requires at least 1 argument.</source>
        <translation>&quot;berth volume inspect&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Remove one or more volumes</source>
        <translation>删除一个或多个卷</translation>
    </message>
    <message>
        <source>&quot;berth volume rm&quot; requires at least 1 argument.</source>
        <translation>&quot;berth volume rm&quot; 至少需要 1 个参数。</translation>
    </message>
    <message>
        <source>Remove unused local volumes</source>
        <translation>删除未使用的本地卷</translation>
    </message>
    <message>
        <source>Remove all unused volumes, not just anonymous ones</source>
        <translation>删除所有未使用的卷，而不只是匿名卷</translation>
    </message>
    <message>
        <source>Do not prompt for confirmation</source>
        <translation>不提示确认</translation>
    </message>
    <message>
        <source>WARNING! This will remove anonymous local volumes not used by at least one container.</source>
        <translation>警告！这将删除所有没有被任何容器使用的匿名本地卷。</translation>
    </message>
    <message>
        <source>Deleted Volumes:</source>
        <translation>已删除的卷：</translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation>共回收空间：%1</translation>
    </message>
    <message>
        <source>invalid filter &quot;%1&quot;: use dangling=true|false, name=, label=KEY[=VALUE] or driver=local</source>
        <translation>无效的过滤条件 &quot;%1&quot;：请使用 dangling=true|false、name=、label=KEY[=VALUE] 或 driver=local</translation>
    </message>
</context>
<context>
    <name>berth::cli::EventsCommand</name>
    <message>
        <source>Get real time events from the engine</source>
        <translation>实时获取引擎事件</translation>
    </message>
    <message>
        <source>The Berth engine stopped.</source>
        <translation>Berth 引擎已停止。</translation>
    </message>
</context>
<context>
    <name>berth::cli::JobWatcher</name>
    <message>
        <source>Pull complete</source>
        <translation>拉取完成</translation>
    </message>
    <message>
        <source>the Berth engine stopped before the job finished</source>
        <translation>Berth 引擎在任务完成前停止了</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>berth::gui::ContainerDetail</name>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Open Shell</source>
        <translation>打开 Shell</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Select a container to follow its output.</source>
        <translation>选择一个容器以跟随其输出。</translation>
    </message>
    <message>
        <source>Find in logs</source>
        <translation>在日志中查找</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save Logs</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Cannot save the logs to %1.</source>
        <translation>无法将日志保存到 %1。</translation>
    </message>
    <message>
        <source>The command to run in the container</source>
        <translation>在容器中运行的命令</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation>重启策略</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>内存限制</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Process limit</source>
        <translation>进程数限制</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>内存耗尽</translation>
    </message>
    <message>
        <source>killed by the kernel&apos;s OOM killer</source>
        <translation>被内核的 OOM killer 终止</translation>
    </message>
    <message>
        <source>The container is not running.</source>
        <translation>容器未在运行。</translation>
    </message>
    <message>
        <source>The command exited with code %1.</source>
        <translation>命令已退出，退出码 %1。</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>已关闭。</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>挂载</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>berth::gui::ContainerFilesModel</name>
    <message>
        <source>Symbolic link to %1</source>
        <translation>指向 %1 的符号链接</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Copying %1 into %2</source>
        <translation>正在将 %1 复制到 %2 中</translation>
    </message>
    <message>
        <source>Copying %1 to %2</source>
        <translation>正在将 %1 复制到 %2</translation>
    </message>
    <message>
        <source>Copying %1 out</source>
        <translation>正在复制出 %1</translation>
    </message>
</context>
<context>
    <name>berth::gui::ContainerModel</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>正在重启</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>运行状况</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>container state</comment>
        <translation>已创建</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>Exited (%1) %2 ago</source>
        <extracomment>%1 is the exit code, %2 a span of time such as &quot;3 minutes&quot;</extracomment>
        <translation>已退出 (%1)，%2前</translation>
    </message>
</context>
<context>
    <name>berth::gui::ContainersPage</name>
    <message>
        <source>No containers yet. Run one from an image.</source>
        <translation>还没有容器。请从镜像运行一个容器。</translation>
    </message>
    <message>
        <source>Search by name, image or state</source>
        <translation>按名称、镜像或状态搜索</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>运行…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>强制终止</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>All containers</source>
        <translation>全部容器</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Remove containers</source>
        <translation>删除容器</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n container(s)? What they wrote is deleted; running ones are stopped first.</source>
        <translation>
            <numerusform>删除 %n 个容器？它们写入的内容将被删除；正在运行的容器会先被停止。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>berth::gui::EngineConnection</name>
    <message>
        <source>The Berth engine stopped.</source>
        <translation>Berth 引擎已停止。</translation>
    </message>
    <message>
        <source>There is no system bus: %1</source>
        <translation>没有系统总线：%1</translation>
    </message>
    <message>
        <source>The Berth engine is not running.</source>
        <translation>Berth 引擎没有运行。</translation>
    </message>
</context>
<context>
    <name>berth::gui::EventsPage</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>berth::gui::FileTransfer</name>
    <message>
        <source>Cannot make a pipe to the engine.</source>
        <translation>无法创建到引擎的管道。</translation>
    </message>
    <message>
        <source>Copy %1 from %2</source>
        <translation>从 %2 复制 %1</translation>
    </message>
    <message>
        <source>Copy %1 into %2</source>
        <translation>将 %1 复制到 %2</translation>
    </message>
</context>
<context>
    <name>berth::gui::FilesBrowser</name>
    <message>
        <source>New Folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>上传…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation>提交…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Name of the new folder:</source>
        <translation>新文件夹的名称：</translation>
    </message>
    <message>
        <source>Upload into the container</source>
        <translation>上传到容器</translation>
    </message>
    <message>
        <source>Download to</source>
        <translation>下载到</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Name of the new image (optional), as repository:tag:</source>
        <translation>新镜像的名称（可选），格式为 仓库:标签：</translation>
    </message>
    <message>
        <source>Export the container&apos;s file system</source>
        <translation>导出容器的文件系统</translation>
    </message>
    <message>
        <source>Tar archives (*.tar)</source>
        <translation>Tar 归档 (*.tar)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1：完成</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Committed as image %1</source>
        <translation>已提交为镜像 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Delete from the container? This cannot be undone: %1</source>
        <translation>要从容器中删除吗？此操作无法撤销：%1</translation>
    </message>
    <message>
        <source>Commit %1</source>
        <translation>提交 %1</translation>
    </message>
    <message>
        <source>Export %1 to %2</source>
        <translation>将 %1 导出到 %2</translation>
    </message>
</context>
<context>
    <name>berth::gui::ImageModel</name>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>berth::gui::ImagesPage</name>
    <message>
        <source>No images. Pull or build one, or load an archive.</source>
        <translation>没有镜像。请拉取或构建一个镜像，或者载入一个归档。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>查看详情</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>删除镜像</translation>
    </message>
    <message>
        <source>Remove %1? Layers no other image uses are deleted too.</source>
        <translation>删除 %1？其他镜像都不使用的层也会一并删除。</translation>
    </message>
    <message>
        <source>Tag image</source>
        <translation>为镜像添加标签</translation>
    </message>
    <message>
        <source>New name (repository[:tag]):</source>
        <translation>新名称（仓库[:标签]）：</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <source>Click a layer to see its files.</source>
        <translation>点击一个层查看其中的文件。</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>%1 files, %2 added by this layer</source>
        <extracomment>%1 is a number of files, %2 a size such as &quot;1.9 MB&quot;</extracomment>
        <translation>%1 个文件，此层新增 %2</translation>
    </message>
    <message>
        <source>(only the first %1 are listed)</source>
        <translation>（只列出前 %1 个）</translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation>拉取…</translation>
    </message>
    <message>
        <source>Push…</source>
        <translation>推送…</translation>
    </message>
    <message>
        <source>Tag the image with a registry&apos;s name first, then push it.</source>
        <translation>请先用镜像仓库的名称为镜像打标签，再推送。</translation>
    </message>
</context>
<context>
    <name>berth::gui::JobsPanel</name>
    <message>
        <source>Clear finished</source>
        <translation>清除已结束的</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>berth::gui::JsonTree</name>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>berth::gui::LayerGraphView</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>berth::gui::MainWindow</name>
    <message>
        <source>Berth</source>
        <translation>Berth</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Assemble a Dockerfile step by step and build it here.</source>
        <translation>在这里逐步组装 Dockerfile 并构建。</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Connecting to the Berth engine…</source>
        <translation>正在连接 Berth 引擎…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; Berth connects by itself as soon as the engine starts. To start it, run &lt;tt&gt;sudo systemctl start berth-helper&lt;/tt&gt; (or &lt;tt&gt;sudo ./berth-dev engine&lt;/tt&gt; in a source checkout).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 引擎一启动，Berth 就会自动连接。要启动引擎，请运行 &lt;tt&gt;sudo systemctl start berth-helper&lt;/tt&gt;（在源码目录中可运行 &lt;tt&gt;sudo ./berth-dev engine&lt;/tt&gt;）。</translation>
    </message>
    <message>
        <source>Engine unreachable</source>
        <translation>无法连接引擎</translation>
    </message>
    <message>
        <source>&lt;b&gt;The Berth engine refused to answer.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Berth 引擎拒绝了请求。&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Not authorized</source>
        <translation>未获授权</translation>
    </message>
    <message>
        <source>Berth engine %1 · %2 containers (%3 running) · %4 images · %5, cgroup v%6</source>
        <extracomment>Status bar: engine version, then counts of containers and images</extracomment>
        <translation>Berth 引擎 %1 · %2 个容器（%3 个运行中）· %4 个镜像 · %5，cgroup v%6</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Jobs (%1 running)</source>
        <translation>任务（%1 个运行中）</translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworkDialog</name>
    <message>
        <source>Internal: no way in or out but between its containers</source>
        <translation>内部网络：除其容器之间外，不能进出</translation>
    </message>
    <message>
        <source>Create a Network</source>
        <translation>创建网络</translation>
    </message>
    <message>
        <source>chosen by the engine (e.g. 10.1.0.0/24)</source>
        <translation>由引擎选择（例如 10.1.0.0/24）</translation>
    </message>
    <message>
        <source>the range&apos;s first address</source>
        <translation>网段的第一个地址</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Subnet:</source>
        <translation>子网(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Gateway:</source>
        <translation>网关(&amp;G)：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>berth::gui::NetworksPage</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>子网</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>创建…</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Remove network</source>
        <translation>删除网络</translation>
    </message>
    <message>
        <source>Remove the network %1?</source>
        <translation>删除网络 %1？</translation>
    </message>
</context>
<context>
    <name>berth::gui::RegistriesPage</name>
    <message>
        <source>Log Out</source>
        <translation>登出</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>registry.example.com:5000</source>
        <translation>registry.example.com:5000</translation>
    </message>
    <message>
        <source>Repository or tag</source>
        <translation>仓库或标签</translation>
    </message>
    <message>
        <source>Log In…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>镜像仓库：</translation>
    </message>
    <message>
        <source>Log in to a registry</source>
        <translation>登录镜像仓库</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>已以 %1 登录</translation>
    </message>
    <message>
        <source>A registry, a username and a password are needed.</source>
        <translation>需要镜像仓库、用户名和密码。</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <source>Logged in to %1.</source>
        <translation>已登录 %1。</translation>
    </message>
    <message>
        <source>Logged out of %1.</source>
        <translation>已登出 %1。</translation>
    </message>
    <message>
        <source>Name a registry to browse.</source>
        <translation>请指明要浏览的镜像仓库。</translation>
    </message>
    <message>
        <source>Reading the catalog of %1…</source>
        <translation>正在读取 %1 的目录…</translation>
    </message>
    <message>
        <source>%1 repositories in %2. Double-click a tag to pull it.</source>
        <translation>%2 中有 %1 个仓库。双击标签即可拉取。</translation>
    </message>
    <message>
        <source>Logged in as %1 (docker config)</source>
        <translation>已以 %1 登录（docker 配置）</translation>
    </message>
    <message>
        <source>Logged in to %1; there is no keyring, so the login is kept in your docker config.</source>
        <translation>已登录 %1；没有可用的密钥环，登录信息保存在你的 docker 配置中。</translation>
    </message>
</context>
<context>
    <name>berth::gui::RunDialog</name>
    <message>
        <source>Command: a quote is not closed</source>
        <translation>命令：引号未闭合</translation>
    </message>
    <message>
        <source>Remove the container when it exits</source>
        <translation>容器退出时将其删除</translation>
    </message>
    <message>
        <source>Run a Container</source>
        <translation>运行容器</translation>
    </message>
    <message>
        <source>chosen by the engine</source>
        <translation>由引擎选择</translation>
    </message>
    <message>
        <source>the image&apos;s default command</source>
        <translation>镜像的默认命令</translation>
    </message>
    <message>
        <source>NAME=value, one per line</source>
        <translation>NAME=value，每行一个</translation>
    </message>
    <message>
        <source>no limit (e.g. 256m, 1g)</source>
        <translation>不限制（例如 256m、1g）</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>On failure</source>
        <translation>失败时</translation>
    </message>
    <message>
        <source>Unless stopped</source>
        <translation>除非被手动停止</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>总是</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>镜像(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>环境变量(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Memory limit:</source>
        <translation>内存限制(&amp;M)：</translation>
    </message>
    <message>
        <source>C&amp;PUs:</source>
        <translation>CPU 数(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Restart:</source>
        <translation>重启策略(&amp;R)：</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Memory limit: %1</source>
        <translation>内存限制：%1</translation>
    </message>
    <message>
        <source>none (e.g. 8080:80, 127.0.0.1:5353:53/udp)</source>
        <extracomment>-p specs as docker takes them; keep the examples as they are</extracomment>
        <translation>无（例如 8080:80、127.0.0.1:5353:53/udp）</translation>
    </message>
    <message>
        <source>Bridge (the default network)</source>
        <translation>桥接（默认网络）</translation>
    </message>
    <message>
        <source>None (loopback only)</source>
        <translation>无（仅回环）</translation>
    </message>
    <message>
        <source>Host (the host&apos;s own network)</source>
        <translation>主机（主机自己的网络）</translation>
    </message>
    <message>
        <source>&amp;Ports:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation>网络(&amp;T)：</translation>
    </message>
    <message>
        <source>Ports: %1</source>
        <translation>端口：%1</translation>
    </message>
    <message>
        <source>more names on a user-defined network, separated by spaces</source>
        <translation>在用户定义网络上的更多名称，以空格分隔</translation>
    </message>
    <message>
        <source>&amp;Aliases:</source>
        <translation>别名(&amp;A)：</translation>
    </message>
    <message>
        <source>Keep input open, with a terminal (-i -t)</source>
        <translation>保持输入打开并分配终端 (-i -t)</translation>
    </message>
</context>
<context>
    <name>berth::gui::SettingsPage</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Data root</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Run root</source>
        <translation>运行目录</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>Storage driver</source>
        <translation>存储驱动</translation>
    </message>
    <message>
        <source>Cgroup version</source>
        <translation>Cgroup 版本</translation>
    </message>
    <message>
        <source>Controllers</source>
        <translation>控制器</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Debug logging</source>
        <translation>调试日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>berth::gui::StateDiagram</name>
    <message>
        <source>start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>stop, kill</source>
        <translation>停止、强制终止</translation>
    </message>
    <message>
        <source>start, restart</source>
        <translation>启动、重启</translation>
    </message>
    <message>
        <source>exits (restart policy)</source>
        <translation>退出（按重启策略）</translation>
    </message>
    <message>
        <source>restarted</source>
        <translation>已重启</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>berth::gui::StatsCharts</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>count</source>
        <translation>个数</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>kB/s</source>
        <translation>kB/s</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Block I/O</source>
        <translation>块 I/O</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入</translation>
    </message>
</context>
<context>
    <name>berth::gui::TerminalWidget</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Clear Scrollback</source>
        <translation>清除回滚缓冲</translation>
    </message>
</context>
<context>
    <name>berth::gui::TransferDialog</name>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>正在解压</translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation>拉取完成</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation>正在推送</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>已推送</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Pull an image</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <source>Push an image</source>
        <translation>推送镜像</translation>
    </message>
    <message>
        <source>registry.example.com/team/app:1</source>
        <translation>registry.example.com/team/app:1</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation>正在拉取 %1…</translation>
    </message>
    <message>
        <source>Pushing %1…</source>
        <translation>正在推送 %1…</translation>
    </message>
    <message>
        <source>Downloaded %1 (%2)</source>
        <translation>已下载 %1（%2）</translation>
    </message>
    <message>
        <source>Pushed %1 (%2)</source>
        <translation>已推送 %1（%2）</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>正在重试</translation>
    </message>
    <message>
        <source>Mounted from %1</source>
        <translation>已从 %1 挂载</translation>
    </message>
    <message>
        <source>Pull %1</source>
        <translation>拉取 %1</translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation>推送 %1</translation>
    </message>
</context>
<context>
    <name>berth::gui::VolumesPage</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Mountpoint</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>创建…</translation>
    </message>
    <message>
        <source>Prune</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Remove every anonymous volume no container uses</source>
        <translation>删除所有没有容器使用的匿名卷</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>named</source>
        <translation>命名</translation>
    </message>
    <message>
        <source>Create a Volume</source>
        <translation>创建卷</translation>
    </message>
    <message>
        <source>Name (empty: one is made up):</source>
        <translation>名称（留空则自动生成）：</translation>
    </message>
    <message>
        <source>Remove volume</source>
        <translation>删除卷</translation>
    </message>
    <message>
        <source>Remove the volume %1 and everything in it?</source>
        <translation>删除卷 %1 及其中的全部内容？</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Berth version %1</source>
        <translation>Berth 版本 %1</translation>
    </message>
</context>
</TS>
