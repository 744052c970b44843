#include "packetrules.h"

#include <QLibrary>

#include <nftables/libnftables.h>

namespace berth {

QString renderPacketRules(const PacketRuleState &state)
{
    const QString bridge = u'"' + state.bridge + u'"';
    QString published;
    for (const PublishedPort &port : state.ports) {
        const PortBinding &b = port.binding;
        published += QStringLiteral("        %1%2 dport %3 dnat to %4:%5\n")
                         .arg(b.hostIp.isEmpty() ? QString() : QStringLiteral("ip daddr %1 ").arg(b.hostIp), b.protocol)
                         .arg(b.hostPort)
                         .arg(ipv4Text(port.containerAddress))
                         .arg(b.containerPort);
    }
    // The engine's bridges do not reach each other: a drop in any table is final.
    QString isolation = QStringLiteral("        iifname %1 oifname != %1 oifname \"br-*\" drop\n").arg(bridge);
    if (!state.defaultBridge.isEmpty() && state.defaultBridge != state.bridge)
        isolation += QStringLiteral("        iifname %1 oifname \"%2\" drop\n").arg(bridge, state.defaultBridge);
    if (state.internal)
        isolation += QStringLiteral("        iifname %1 oifname != %1 drop\n"
                                    "        oifname %1 iifname != %1 drop\n")
                         .arg(bridge);
    const QString masquerade = state.internal ? QString()
                                              : QStringLiteral("        ip saddr %1 oifname != %2 masquerade\n"
                                                               // A connection from the host's loopback, sent to a
                                                               // container, needs an address the container can answer.
                                                               "        ip saddr 127.0.0.0/8 oifname %2 masquerade\n")
                                                    .arg(state.subnet.toString(), bridge);
    // "add" then "delete": the table goes whether or not it was there, in the same transaction
    // that writes it anew.
    return QStringLiteral("add table ip %1\n"
                          "delete table ip %1\n"
                          "table ip %1 {\n"
                          "    chain published {\n"
                          "%2"
                          "    }\n"
                          // From other hosts, and from the host itself (to any of its
                          // addresses, 127.0.0.1 included).
                          "    chain prerouting {\n"
                          "        type nat hook prerouting priority dstnat; policy accept;\n"
                          "        fib daddr type local jump published\n"
                          "    }\n"
                          "    chain output {\n"
                          "        type nat hook output priority -100; policy accept;\n"
                          "        fib daddr type local jump published\n"
                          "    }\n"
                          "    chain postrouting {\n"
                          "        type nat hook postrouting priority srcnat; policy accept;\n"
                          "%3"
                          "    }\n"
                          "    chain forward {\n"
                          "        type filter hook forward priority filter; policy accept;\n"
                          "%4"
                          "        oifname %5 ct state established,related accept\n"
                          "        iifname %5 accept\n"
                          "        oifname %5 ct status dnat accept\n"
                          "    }\n"
                          "}\n")
        .arg(state.table, published, masquerade, isolation, bridge);
}

namespace {

// libnftables is loaded for each change of rules and let go of afterwards.  Rules change when a
// network comes up or a container publishes ports; kept mapped, the library and its own
// (libnftnl, gmp, jansson, xtables) were 1.5 MiB of the idle helper's resident memory.
class Nftables
{
public:
    Nftables()
        : m_library(QStringLiteral("nftables"), 1)
    {
        if (m_library.load())
            resolve(m_new, "nft_ctx_new") && resolve(m_free, "nft_ctx_free") && resolve(m_bufferOutput, "nft_ctx_buffer_output")
                && resolve(m_bufferError, "nft_ctx_buffer_error") && resolve(m_errorBuffer, "nft_ctx_get_error_buffer")
                && resolve(m_run, "nft_run_cmd_from_buffer");
    }
    ~Nftables() { m_library.unload(); }

    Result<void> run(const QString &script)
    {
        if (!m_run)
            return Error::unavailable(QStringLiteral("cannot load libnftables: %1").arg(m_library.errorString()));
        nft_ctx *context = m_new(NFT_CTX_DEFAULT);
        if (!context)
            return Error::unavailable(QStringLiteral("cannot start libnftables"));
        m_bufferOutput(context);
        m_bufferError(context);
        const int result = m_run(context, script.toUtf8().constData());
        const QString message = QString::fromUtf8(m_errorBuffer(context)).trimmed();
        m_free(context);
        if (result != 0)
            return Error::unavailable(QStringLiteral("nftables refused Berth's rules: %1").arg(message));
        return {};
    }

private:
    template<typename Function> bool resolve(Function &function, const char *name)
    {
        function = reinterpret_cast<Function>(m_library.resolve(name));
        return function != nullptr;
    }

    QLibrary m_library;
    decltype(&nft_ctx_new) m_new = nullptr;
    decltype(&nft_ctx_free) m_free = nullptr;
    decltype(&nft_ctx_buffer_output) m_bufferOutput = nullptr;
    decltype(&nft_ctx_buffer_error) m_bufferError = nullptr;
    decltype(&nft_ctx_get_error_buffer) m_errorBuffer = nullptr;
    decltype(&nft_run_cmd_from_buffer) m_run = nullptr;
};

} // namespace

Result<void> runNft(const QString &script)
{
    return Nftables().run(script);
}

Result<void> removePacketRules(const QString &table)
{
    return runNft(QStringLiteral("add table ip %1\ndelete table ip %1\n").arg(table));
}

} // namespace berth
