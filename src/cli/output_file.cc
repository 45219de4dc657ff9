#include "cli/output_file.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace samskab::cli {

namespace {

core::Error io_error(const std::string& path) {
    return {core::ErrorCode::Storage, path + ": " + std::strerror(errno), "-o"};
}

}  // namespace

core::Result<void> write_output(const std::string& path,
                                const std::function<core::Result<void>(std::FILE*)>& write) {
    if (path.empty() || path == "-") {
        auto written = write(stdout);
        if (written && std::fflush(stdout) != 0) {
            return tl::unexpected(io_error("stdout"));
        }
        return written;
    }
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written as it is: renaming a file
    // over it would replace the device itself.
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
        std::FILE* stream = std::fopen(path.c_str(), "wb");
        if (!stream) {
            return tl::unexpected(io_error(path));
        }
        auto written = write(stream);
        const bool closed = std::fclose(stream) == 0;
        if (written && !closed) {
            return tl::unexpected(io_error(path));
        }
        return written;
    }
    std::string temporary = path + ".XXXXXX";
    const int fd = mkstemp(temporary.data());
    if (fd < 0) {
        return tl::unexpected(io_error(path));
    }
    std::FILE* file = fdopen(fd, "wb");
    if (!file) {
        ::close(fd);
        ::unlink(temporary.c_str());
        return tl::unexpected(io_error(path));
    }
    auto written = write(file);
    const bool flushed = std::fflush(file) == 0 && ::fsync(fd) == 0;
    const bool closed = std::fclose(file) == 0;
    if (!written || !flushed || !closed) {
        core::Error error = written ? io_error(path) : written.error();
        ::unlink(temporary.c_str());
        return tl::unexpected(error);
    }
    // mkstemp creates the file readable by its owner only; the output is an ordinary file.
    ::chmod(
        temporary.c_str(), 0644 & ~[] {
            const mode_t mask = ::umask(0);
            ::umask(mask);
            return mask;
        }());
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        core::Error error = io_error(path);
        ::unlink(temporary.c_str());
        return tl::unexpected(error);
    }
    return {};
}

}  // namespace samskab::cli
