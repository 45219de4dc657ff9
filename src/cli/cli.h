#pragma once

namespace samskab::cli {

// Exit statuses of every command.
inline constexpr int EXIT_OK = 0;
inline constexpr int EXIT_BAD_INPUT = 1;  // the message says what was wrong and where
inline constexpr int EXIT_USAGE = 2;
inline constexpr int EXIT_STORAGE = 3;

// Parses the command line, runs one command, and returns its exit status.
int run(int argc, char** argv);

}  // namespace samskab::cli
