#include "logwriter.h"

#include "core/fileutil.h"
#include "timestamps.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::runtime {

namespace {
constexpr size_t kLineLimit = 16 * 1024;
}

LogWriter::LogWriter(std::string path, uint64_t maxSize, unsigned maxFiles)
    : m_path(std::move(path))
    , m_maxSize(maxSize)
    , m_maxFiles(std::max(1u, maxFiles))
{
    open();
}

LogWriter::~LogWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void LogWriter::open()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0640);
    struct stat st
    {
    };
    m_size = m_fd >= 0 && ::fstat(m_fd, &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

void LogWriter::rotate()
{
    if (m_maxFiles == 1) {
        if (::ftruncate(m_fd, 0) == 0)
            m_size = 0;
        return;
    }
    for (unsigned i = m_maxFiles - 1; i > 0; --i) {
        const std::string from = i == 1 ? m_path : m_path + "." + std::to_string(i - 1);
        ::rename(from.c_str(), (m_path + "." + std::to_string(i)).c_str());
    }
    open();
}

void LogWriter::write(int stream, std::string_view bytes)
{
    std::string &partial = m_partial[stream == 2 ? 2 : 1];
    partial.append(bytes);
    size_t start = 0;
    for (;;) {
        const size_t newline = partial.find('\n', start);
        if (newline == std::string::npos) {
            if (partial.size() - start < kLineLimit)
                break;
            writeEntry(stream, std::string_view(partial).substr(start, kLineLimit));
            start += kLineLimit;
            continue;
        }
        writeEntry(stream, std::string_view(partial).substr(start, newline + 1 - start));
        start = newline + 1;
    }
    partial.erase(0, start);
}

void LogWriter::flush()
{
    for (int stream : {1, 2}) {
        if (!m_partial[stream].empty())
            writeEntry(stream, m_partial[stream]);
        m_partial[stream].clear();
    }
}

void LogWriter::writeEntry(int stream, std::string_view line)
{
    if (m_fd < 0)
        return;
    const nlohmann::json entry
        = {{"log", std::string(line)}, {"stream", stream == 2 ? "stderr" : "stdout"}, {"time", timestampNow()}};
    // Invalid UTF-8 from a program becomes U+FFFD instead of a lost line.
    const std::string text = entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (m_maxSize > 0 && m_size > 0 && m_size + text.size() > m_maxSize)
        rotate();
    if (::write(m_fd, text.data(), text.size()) > 0)
        m_size += text.size();
}

} // namespace berth::runtime
