// The samskab executable: everything happens in cli::run, which returns the exit status.
// Exceptions are bugs or failed start-up; this is the one place that catches them.
#include <cstdio>
#include <exception>

#include "cli/cli.h"

int main(int argc, char** argv) {
    try {
        return samskab::cli::run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "samskab: internal error: %s\n", e.what());
        return 70;
    }
}
