// samskab user add|list|remove: the accounts of the web application, from the command line
// (the first administrator has no web page to be created from).
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/web_app.h"

namespace samskab::cli {

namespace {

struct AddOptions {
    std::string email;
    std::string name;
    std::string role;
    std::string place;
    std::string partnership;
    std::string person;
    bool password_stdin = false;
    std::string public_url = "http://127.0.0.1:8080";
};

std::string allowed_roles() {
    std::string out;
    for (const std::string_view name : core::Names<core::AccountRole>::VALUES) {
        out += out.empty() ? "" : ", ";
        out += name;
    }
    return out;
}

// A role with where it applies, in the words of `lang`: "host (sted insp-huset)".
std::string grant_text(const core::RoleGrant& grant, core::Lang lang) {
    const bool da = lang == core::Lang::Da;
    std::string scope;
    if (!grant.place.empty()) {
        scope = (da ? "sted " : "place ") + grant.place;
    } else if (!grant.partnership.empty()) {
        scope = (da ? "partnerskab " : "partnership ") + grant.partnership;
    } else {
        scope = da ? "overalt" : "everywhere";
    }
    return fmt::format("{} ({})", core::name_of(grant.role), scope);
}

// The command-line spelling of the field an error of AuthService or the store names.
std::string option_of(std::string_view field) {
    if (field == "email") {
        return "EMAIL";
    }
    if (field == "password") {
        return "--password-stdin";
    }
    return "--" + std::string(field);
}

int account_error(const core::Error& error) {
    if (error.field.empty()) {
        return report_error(error);
    }
    core::Error named = error;
    named.message = option_of(error.field) + ": " + error.message;
    return report_error(named);
}

// The password on standard input, without the line break that `echo` or a terminal adds.
std::string read_password() {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    if (!text.empty() && text.back() == '\n') {
        text.pop_back();
        if (!text.empty() && text.back() == '\r') {
            text.pop_back();
        }
    }
    return text;
}

core::Result<std::unique_ptr<WebApp>> user_app(Context& context) {
    return open_web_app(context, 1, web::WebConfig{}, "user");
}

int run_add(Context& context, const AddOptions& o) {
    const core::Lang lang = context.lang();
    const bool da = lang == core::Lang::Da;
    const auto role = core::parse_name<core::AccountRole>(o.role);
    if (!role) {
        return report_error(
            {core::ErrorCode::Invalid,
             "--role: " + core::message(lang, core::Msg::UnknownValue, {o.role, allowed_roles()}),
             "--role"});
    }
    std::string hash;
    std::string password;
    if (o.password_stdin) {
        password = read_password();
        if (auto ok = core::AuthService::check_password(password, "password", lang); !ok) {
            return account_error(ok.error());
        }
    }
    use_danish_time();
    auto app = user_app(context);
    if (!app) {
        return report_error(app.error());
    }
    if (o.password_stdin) {
        auto hashed = (*app)->hasher().hash(password);
        if (!hashed) {
            return report_error(hashed.error());
        }
        hash = std::move(*hashed);
    }
    if (!o.person.empty()) {
        // The store allows one account per person; say so rather than blame the email.
        auto existing = (*app)->accounts().find_account_by_person(o.person);
        if (!existing) {
            return report_error(existing.error());
        }
        if (*existing) {
            return report_error({core::ErrorCode::Conflict,
                                 da ? fmt::format("--person: {} har allerede en konto ({})",
                                                  o.person, (*existing)->email)
                                    : fmt::format("--person: {} already has an account ({})",
                                                  o.person, (*existing)->email),
                                 "--person"});
        }
    }
    // Shown as it is stored: a login is compared without case or surrounding spaces.
    std::string email = o.email;
    email.erase(0, email.find_first_not_of(" \t"));
    email.erase(email.find_last_not_of(" \t") + 1);
    for (char& c : email) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const core::RoleGrant grant{*role, o.partnership, o.place};
    auto created = (*app)->auth().create_account(
        core::NewAccount{o.email, o.name, o.person, {grant}, hash}, lang);
    if (!created) {
        return account_error(created.error());
    }
    std::string text =
        da ? fmt::format("Kontoen {} er oprettet: {}.\n", email, grant_text(grant, lang))
           : fmt::format("The account {} is created: {}.\n", email, grant_text(grant, lang));
    if (!created->empty()) {
        std::string base = o.public_url;
        while (!base.empty() && base.back() == '/') {
            base.pop_back();
        }
        const auto days = core::AuthService::INVITATION_LIFETIME / 86400;
        text += da ? fmt::format(
                         "Send dette link til {}; med det vælger de selv en adgangskode "
                         "(det virker én gang, i {} dage):\n",
                         email, days)
                   : fmt::format(
                         "Send this link to {}; with it they choose a password "
                         "themselves (it works once, for {} days):\n",
                         email, days);
        text += "  " + base + "/invitation/" + *created + "\n";
    }
    std::fputs(text.c_str(), stdout);
    return EXIT_OK;
}

std::size_t width_of(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
}

int run_list(Context& context) {
    const core::Lang lang = context.lang();
    const bool da = lang == core::Lang::Da;
    use_danish_time();
    auto app = user_app(context);
    if (!app) {
        return report_error(app.error());
    }
    auto accounts = (*app)->accounts().list_accounts();
    if (!accounts) {
        return report_error(accounts.error());
    }
    if (accounts->empty()) {
        std::puts(da ? "Ingen konti endnu. Opret en med: samskab user add EMAIL --name NAVN "
                       "--role ROLLE"
                     : "No accounts yet. Create one with: samskab user add EMAIL --name NAME "
                       "--role ROLE");
        return EXIT_OK;
    }
    // Whether a password is set is shown as a status; the hash itself never leaves the store.
    std::vector<std::vector<std::string>> rows;
    rows.push_back(da ? std::vector<std::string>{"e-mail", "navn", "roller", "person", "status"}
                      : std::vector<std::string>{"email", "name", "roles", "person", "status"});
    for (const core::Account& account : *accounts) {
        std::string roles;
        for (const core::RoleGrant& grant : account.roles) {
            roles += roles.empty() ? "" : ", ";
            roles += grant_text(grant, lang);
        }
        const std::string status = account.disabled                ? (da ? "spærret" : "disabled")
                                   : account.password_hash.empty() ? (da ? "inviteret" : "invited")
                                                                   : (da ? "aktiv" : "active");
        rows.push_back({account.email, account.name, roles.empty() ? "-" : roles,
                        account.person.empty() ? "-" : account.person, status});
    }
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], width_of(row[i]));
        }
    }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) {
                line.append(widths[i] - width_of(row[i]) + 2, ' ');
            }
        }
        std::puts(line.c_str());
    }
    return EXIT_OK;
}

int run_remove(Context& context, const std::string& email) {
    const core::Lang lang = context.lang();
    const bool da = lang == core::Lang::Da;
    use_danish_time();
    auto app = user_app(context);
    if (!app) {
        return report_error(app.error());
    }
    auto removed = (*app)->accounts().remove_account(email);
    if (!removed) {
        if (removed.error().code == core::ErrorCode::NotFound) {
            return report_error(
                {core::ErrorCode::NotFound,
                 da ? fmt::format("EMAIL: der er ingen konto med e-mailen {}", email)
                    : fmt::format("EMAIL: there is no account with the email {}", email),
                 "email"});
        }
        return report_error(removed.error());
    }
    std::fputs(
        (da ? fmt::format("Kontoen {} er slettet med sine sessioner og invitationer.\n", email)
            : fmt::format("The account {} is removed with its sessions and invitations.\n", email))
            .c_str(),
        stdout);
    return EXIT_OK;
}

}  // namespace

void add_user_command(CLI::App& app, Action& chosen) {
    CLI::App* command =
        app.add_subcommand("user", "Accounts of the web application: add, list, remove");
    command->require_subcommand(1);

    auto o = std::make_shared<AddOptions>();
    CLI::App* add = command->add_subcommand(
        "add",
        "Create an account with one role. With --password-stdin the password is read from "
        "standard input; otherwise a one-time invitation link is printed.");
    add->add_option("email", o->email, "The login (an email address)")->required();
    add->add_option("--name", o->name, "The name shown in samskab")->required();
    add->add_option("--role", o->role,
                    "participant, host, coordinator, companion, analyst or "
                    "administrator")
        ->required();
    auto* place = add->add_option("--place", o->place, "The role applies at this place (its id)");
    auto* partnership = add->add_option("--partnership", o->partnership,
                                        "The role applies in every place of this partnership");
    place->excludes(partnership);
    add->add_option("--person", o->person, "The person (bundle id) the account belongs to");
    add->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");
    add->add_option("--public-url", o->public_url,
                    "The address of the web application, for "
                    "the invitation link")
        ->capture_default_str();
    add->callback(
        [&chosen, o] { chosen = [o](Context& context) { return run_add(context, *o); }; });

    CLI::App* list =
        command->add_subcommand("list", "Every account: email, name, roles with scope, person");
    list->callback([&chosen] { chosen = [](Context& context) { return run_list(context); }; });

    auto email = std::make_shared<std::string>();
    CLI::App* remove =
        command->add_subcommand("remove", "Delete an account with its sessions and invitations");
    remove->add_option("email", *email, "The login of the account")->required();
    remove->callback([&chosen, email] {
        chosen = [email](Context& context) { return run_remove(context, *email); };
    });
}

}  // namespace samskab::cli
