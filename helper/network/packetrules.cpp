#include "packetrules.h"

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

Result<void> runNft(const QString &script)
{
    nft_ctx *context = nft_ctx_new(NFT_CTX_DEFAULT);
    if (!context)
        return Error::unavailable(QStringLiteral("cannot start libnftables"));
    nft_ctx_buffer_output(context);
    nft_ctx_buffer_error(context);
    const int result = nft_run_cmd_from_buffer(context, script.toUtf8().constData());
    const QString message = QString::fromUtf8(nft_ctx_get_error_buffer(context)).trimmed();
    nft_ctx_free(context);
    if (result != 0)
        return Error::unavailable(QStringLiteral("nftables refused Berth's rules: %1").arg(message));
    return {};
}

Result<void> removePacketRules(const QString &table)
{
    return runNft(QStringLiteral("add table ip %1\ndelete table ip %1\n").arg(table));
}

} // namespace berth
