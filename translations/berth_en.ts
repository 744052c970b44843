<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandParser</name>
    <message>
        <location filename="../cli/commandparser.cpp" line="15"/>
        <source>Print usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandparser.cpp" line="27"/>
        <source>Format output: &quot;json&quot; prints JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandparser.cpp" line="35"/>
        <source>See &apos;%1 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandparser.cpp" line="45"/>
        <source>Unsupported format &quot;%1&quot;: use --format json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandparser.cpp" line="59"/>
        <source>Usage:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandparser.cpp" line="60"/>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandTable</name>
    <message>
        <location filename="../cli/main.cpp" line="41"/>
        <source>A container manager with its own engine, for Linux desktops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="42"/>
        <location filename="../cli/systemcommand.cpp" line="17"/>
        <source>Get real time events from the engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="44"/>
        <location filename="../cli/systemcommand.cpp" line="19"/>
        <source>Display system-wide information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="45"/>
        <source>Manage the Berth engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="46"/>
        <source>Show the Berth version information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="48"/>
        <source>Print the version and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandtable.cpp" line="24"/>
        <source>unknown flag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandtable.cpp" line="26"/>
        <source>%1: &apos;%2&apos; is not a berth command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandtable.cpp" line="27"/>
        <source>See &apos;%1 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandtable.cpp" line="33"/>
        <source>Usage:  %1 COMMAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandtable.cpp" line="34"/>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commandtable.cpp" line="37"/>
        <source>Run &apos;%1 COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/systemcommand.cpp" line="20"/>
        <source>Read the engine&apos;s settings file again and apply it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <location filename="../cli/engineclient.cpp" line="28"/>
        <source>there is no system bus at %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/engineclient.cpp" line="37"/>
        <source>nothing answers for %1 on the system bus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/engineclient.cpp" line="55"/>
        <source>Cannot reach the Berth engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/engineclient.cpp" line="56"/>
        <source>Start it with &quot;sudo systemctl start berth-helper&quot;, or &quot;sudo ./berth-dev engine&quot; in a source checkout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/engineclient.cpp" line="60"/>
        <source>Error response from engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <location filename="../cli/infocommand.cpp" line="25"/>
        <source>Display system-wide information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="39"/>
        <source>Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="40"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="41"/>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="42"/>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="43"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="44"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="45"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="47"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="48"/>
        <source>Server Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="49"/>
        <source>Storage Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="50"/>
        <source>Cgroup Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="51"/>
        <source>Cgroup Controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="52"/>
        <source>Kernel Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="53"/>
        <source>Operating System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="54"/>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="55"/>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="56"/>
        <source>Total Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="57"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="58"/>
        <source>Data Root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="59"/>
        <source>Run Root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="60"/>
        <source>Settings File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="61"/>
        <source>Running Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="62"/>
        <source>Authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="63"/>
        <source>Debug Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/infocommand.cpp" line="66"/>
        <source>WARNING: this kernel has no overlay filesystem; containers cannot run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemCommand</name>
    <message>
        <location filename="../cli/systemcommand.cpp" line="16"/>
        <source>Manage the Berth engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/systemcommand.cpp" line="28"/>
        <source>Read the engine&apos;s settings file again and apply what can change while it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/systemcommand.cpp" line="37"/>
        <source>Settings reloaded; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/systemcommand.cpp" line="39"/>
        <source>%1 is now %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionCommand</name>
    <message>
        <location filename="../cli/versioncommand.cpp" line="31"/>
        <source>Show the Berth version information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/versioncommand.cpp" line="43"/>
        <source>Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/versioncommand.cpp" line="44"/>
        <location filename="../cli/versioncommand.cpp" line="51"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/versioncommand.cpp" line="45"/>
        <location filename="../cli/versioncommand.cpp" line="52"/>
        <source>API version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/versioncommand.cpp" line="46"/>
        <location filename="../cli/versioncommand.cpp" line="53"/>
        <source>Qt version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/versioncommand.cpp" line="47"/>
        <location filename="../cli/versioncommand.cpp" line="54"/>
        <source>OS/Arch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/versioncommand.cpp" line="50"/>
        <source>Server: Berth Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/versioncommand.cpp" line="55"/>
        <source>Kernel version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/versioncommand.cpp" line="56"/>
        <source>Build type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::EventsCommand</name>
    <message>
        <location filename="../cli/eventscommand.cpp" line="39"/>
        <source>Get real time events from the engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/eventscommand.cpp" line="56"/>
        <source>The Berth engine stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::EngineConnection</name>
    <message>
        <location filename="../gui/engineconnection.cpp" line="21"/>
        <source>The Berth engine stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/engineconnection.cpp" line="31"/>
        <source>There is no system bus: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/engineconnection.cpp" line="65"/>
        <source>The Berth engine is not running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::EventsPage</name>
    <message>
        <location filename="../gui/pages/eventspage.cpp" line="34"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/eventspage.cpp" line="34"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/eventspage.cpp" line="34"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/eventspage.cpp" line="34"/>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/eventspage.cpp" line="34"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/eventspage.cpp" line="43"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/eventspage.cpp" line="48"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::MainWindow</name>
    <message>
        <location filename="../gui/mainwindow.cpp" line="25"/>
        <source>Berth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="35"/>
        <location filename="../gui/mainwindow.cpp" line="36"/>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="37"/>
        <source>Your containers will be listed here, with their state, ports and resource use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="38"/>
        <location filename="../gui/mainwindow.cpp" line="39"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="39"/>
        <source>Your images will be listed here, with the layers they share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="40"/>
        <location filename="../gui/mainwindow.cpp" line="41"/>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="41"/>
        <source>Assemble a Dockerfile step by step and build it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="42"/>
        <location filename="../gui/mainwindow.cpp" line="43"/>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="43"/>
        <source>Named volumes and the containers that use them will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="44"/>
        <location filename="../gui/mainwindow.cpp" line="45"/>
        <source>Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="45"/>
        <source>Container networks and their connected containers will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="46"/>
        <location filename="../gui/mainwindow.cpp" line="47"/>
        <source>Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="47"/>
        <source>Registries you log in to, and their repositories, will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="50"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="51"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="105"/>
        <source>Connecting to the Berth engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="108"/>
        <source>&lt;b&gt;%1&lt;/b&gt; Berth connects by itself as soon as the engine starts. To start it, run &lt;tt&gt;sudo systemctl start berth-helper&lt;/tt&gt; (or &lt;tt&gt;sudo ./berth-dev engine&lt;/tt&gt; in a source checkout).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="113"/>
        <source>Engine unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="116"/>
        <source>&lt;b&gt;The Berth engine refused to answer.&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="118"/>
        <source>Not authorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow.cpp" line="124"/>
        <source>Berth engine %1 · %2 containers (%3 running) · %4 images · %5, cgroup v%6</source>
        <extracomment>Status bar: engine version, then counts of containers and images</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::gui::SettingsPage</name>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="20"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="20"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="34"/>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="37"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="38"/>
        <source>Data root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="39"/>
        <source>Run root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="40"/>
        <source>Settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="41"/>
        <source>Storage driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="42"/>
        <source>Cgroup version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="43"/>
        <source>Controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="44"/>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="45"/>
        <source>Operating system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="46"/>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="47"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="48"/>
        <source>Authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="49"/>
        <source>Debug logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="60"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/pages/settingspage.cpp" line="71"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../cli/main.cpp" line="20"/>
        <source>Berth version %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
