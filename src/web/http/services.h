#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/account_store.h"
#include "core/auth_service.h"
#include "core/clock.h"
#include "core/community_store.h"
#include "core/interview_store.h"
#include "core/logbook_store.h"
#include "core/store.h"
#include "core/survey_store.h"

namespace samskab::web {

// How `samskab serve` runs; defaults suit one small machine.
struct WebConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    unsigned workers = 2;
    std::size_t max_connections = 4096;
    std::size_t max_body_bytes = 1 << 20;     // larger bodies: 413
    std::size_t max_header_bytes = 16 << 10;  // larger request heads: 431
    std::chrono::seconds read_timeout{30};
    std::chrono::seconds write_timeout{30};
    std::chrono::seconds handle_timeout{30};
    std::string static_dir;    // files served under /static/
    bool trust_proxy = false;  // believe X-Forwarded-Proto / X-Forwarded-For
    std::string public_url;    // for links in invitations; "http://host:port" when empty
};

// What handlers use; built once in app/ and shared by every request. The stores are called
// from several worker threads: implementations open one connection per thread or serialise.
struct Services {
    core::AccountStore& accounts;
    core::CommunityStore& community;
    core::Store& store;
    core::AuthService& auth;
    const core::Clock& clock;
    const WebConfig& config;
    // Logbook templates and entries; set by the composition root. The logbook pages answer 404
    // without it.
    core::LogbookStore* logbooks = nullptr;
    // Interviews, the codebook and the promoters/inhibitors check; set by the composition root.
    // The interview pages answer 404 without it.
    core::InterviewStore* interviews = nullptr;
    // Participant surveys; set by the composition root. The survey pages answer 404 without it.
    core::SurveyStore* surveys = nullptr;
};

}  // namespace samskab::web
