#pragma once

// The engine's times are RFC 3339 strings, as docker's; lists and tables want seconds.
//
// Read and written with <chrono> rather than QDateTime, and without Qt, because the runtime
// and the monitor (which stamps every log line) link no Qt, and because QDateTime's parser
// keeps its locale and calendar code and libm's pow resident in the helper for what is
// arithmetic on a fixed format. No time zone is ever consulted: times are kept in UTC.

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#ifdef QT_CORE_LIB
#include <QString>
#endif

namespace berth {

// An instant as whole seconds since the epoch and nanoseconds into the second: nanoseconds
// alone do not reach back to docker's zero time, 0001-01-01, in 64 bits.
struct Timestamp
{
    std::chrono::sys_seconds second;
    std::chrono::nanoseconds fraction{0};
};

// The time an RFC 3339 date-time names: "2026-11-27T02:52:15.929Z", with any fraction of a
// second (read to the nanosecond) and "Z" or an offset such as "+01:00"; nothing when the
// text is not one.
inline std::optional<Timestamp> parseRfc3339(std::string_view text)
{
    using namespace std::chrono;
    size_t at = 0;
    const auto digits = [&](size_t count, int &value) {
        if (text.size() - at < count)
            return false;
        value = 0;
        for (size_t end = at + count; at < end; ++at) {
            if (text[at] < '0' || text[at] > '9')
                return false;
            value = value * 10 + (text[at] - '0');
        }
        return true;
    };
    const auto separator = [&](std::string_view allowed) {
        if (at >= text.size() || allowed.find(text[at]) == std::string_view::npos)
            return false;
        ++at;
        return true;
    };

    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(4, year) || !separator("-") || !digits(2, month) || !separator("-") || !digits(2, day) || !separator("Tt ")
        || !digits(2, hour) || !separator(":") || !digits(2, minute) || !separator(":") || !digits(2, second))
        return std::nullopt;
    const year_month_day date{std::chrono::year(year), std::chrono::month(unsigned(month)), std::chrono::day(unsigned(day))};
    if (!date.ok() || hour > 23 || minute > 59 || second > 60) // 60: a leap second
        return std::nullopt;

    long long nanoseconds = 0;
    if (separator(".")) {
        const size_t first = at;
        for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
            if (at - first < 9)
                nanoseconds = nanoseconds * 10 + (text[at] - '0');
        }
        if (at == first)
            return std::nullopt;
        for (size_t read = at - first; read < 9; ++read)
            nanoseconds *= 10;
    }

    minutes offset{0};
    if (!separator("Zz")) {
        const bool east = at < text.size() && text[at] == '+';
        int offsetHours = 0, offsetMinutes = 0;
        if (!separator("+-") || !digits(2, offsetHours) || !separator(":") || !digits(2, offsetMinutes) || offsetHours > 23
            || offsetMinutes > 59)
            return std::nullopt;
        offset = minutes(offsetHours * 60 + offsetMinutes) * (east ? 1 : -1);
    }
    if (at != text.size())
        return std::nullopt;
    return Timestamp{sys_days(date) + hours(hour) + minutes(minute) + seconds(second) - offset,
                     std::chrono::nanoseconds(nanoseconds)};
}

// UTC with nine digits of fraction, the way docker writes times: texts of this form sort as
// the times they name.
inline std::string formatRfc3339(Timestamp time)
{
    using namespace std::chrono;
    const auto day = floor<days>(time.second);
    const year_month_day date(day);
    const hh_mm_ss clock(time.second - day);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02lld.%09lldZ", int(date.year()), unsigned(date.month()),
                  unsigned(date.day()), int(clock.hours().count()), int(clock.minutes().count()),
                  static_cast<long long>(clock.seconds().count()), static_cast<long long>(time.fraction.count()));
    return text;
}

inline std::string timestampNow()
{
    using namespace std::chrono;
    const auto now = time_point_cast<nanoseconds>(system_clock::now());
    const auto second = floor<seconds>(now);
    return formatRfc3339(Timestamp{second, now - second});
}

// Seconds since the epoch of an RFC 3339 time; 0 when the text is not one.
inline long long secondsSinceEpoch(std::string_view rfc3339)
{
    const auto time = parseRfc3339(rfc3339);
    return time ? time->second.time_since_epoch().count() : 0;
}

#ifdef QT_CORE_LIB
inline qint64 secondsSinceEpoch(const QString &rfc3339)
{
    return secondsSinceEpoch(rfc3339.toStdString());
}
#endif

} // namespace berth
