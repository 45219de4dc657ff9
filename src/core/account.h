#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/vocabulary.h"

namespace samskab::core {

// Who a user is to samskab (PRODUCT.md, "Who uses it"). Not to be confused with `Role`, the
// role a person held in one participation.
enum class AccountRole : std::uint8_t {
    Participant,
    Host,
    Coordinator,
    Companion,
    Analyst,
    Administrator
};

template <>
struct Names<AccountRole> {
    static constexpr std::array<std::string_view, 6> VALUES = {
        "participant", "host", "coordinator", "companion", "analyst", "administrator"};
};

// One role of an account and where it applies: at one place (`place` set), in every place of
// one partnership (`partnership` set), or everywhere (both empty; meant for administrators and
// analysts of a national deployment). Ids are bundle ids.
struct RoleGrant {
    AccountRole role = AccountRole::Participant;
    std::string partnership;
    std::string place;

    bool operator==(const RoleGrant&) const = default;
};

// A login. `person` links the account to the person it belongs to (a participant, host or
// companion is also a person in the partnership's records); empty for staff who are not.
struct Account {
    std::int64_t id = 0;
    std::string email;  // the login, stored lower-case
    std::string name;
    std::string person;  // bundle id, or empty
    std::vector<RoleGrant> roles;
    std::string password_hash;  // argon2id string; empty until the invitation is used
    bool disabled = false;
    LocalTime created_at = 0;
};

struct NewAccount {
    std::string email;
    std::string name;
    std::string person;
    std::vector<RoleGrant> roles;
    std::string password_hash;  // empty: the account waits for its invitation
};

// A logged-in browser. The store keeps only a hash of the cookie's token, so a copied
// database opens no session.
struct Session {
    std::string token_hash;  // hex
    std::int64_t account = 0;
    std::string csrf_token;  // sent in every form, compared on every POST
    LocalTime created_at = 0;
    LocalTime expires_at = 0;
};

// A live session with its account, as every signed-in request needs them.
struct SignedIn {
    Session session;
    Account account;
};

// Failed logins in a window, for throttling (after 5, the account and the address wait).
struct LoginFailures {
    int by_account = 0;
    int by_address = 0;
    LocalTime latest = 0;  // the latest of either; 0 when none
};

// One line of the access log: who looked at or changed whose data, when, and through what.
struct AccessEntry {
    LocalTime at = 0;
    std::int64_t actor = 0;  // account id; 0 when none (CLI, system)
    std::string action;      // e.g. "view", "export", "login_failed", "change"
    std::string subject;     // person bundle id, or empty
    std::string detail;      // route or purpose, e.g. "GET /people/p1"
};

}  // namespace samskab::core
