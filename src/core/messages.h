#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace samskab::core {

// The languages of every user-visible text: Danish first, English second.
enum class Lang { Da, En };

// Parses "da" or "en"; nullopt-like false on anything else.
bool parse_lang(std::string_view text, Lang& out);

// The message catalogue of the core: each id has a Danish and an English text with `{}`
// placeholders filled in order from `args`.
enum class Msg {
    InvalidJson,
    InvalidJsonValue,
    MustBeObject,
    MustBeArray,
    MustBeString,
    MustBeNonEmptyString,
    MustBeBoolean,
    MustBeNumber,
    MustBeDate,
    MustBeTime,
    Required,
    UnknownField,
    UnknownValue,
    WrongFormat,
    DuplicateId,
    DuplicateRecord,
    UnknownReference,
    SupportNeedWithoutConsent,
    EndsBeforeStart,
    SelfRelation,
    SelfCompanion,
    OverlappingRelation,
    ThresholdOutOfRange,
    // web forms, schedules and accounts
    WeekdayOutOfRange,
    MinuteOutOfRange,
    EndNotAfterStart,
    ScheduleTooLong,
    MustBeEmail,
    EmailTaken,
    PasswordTooShort,
    LoginWrong,
    LoginWaiting,
    InvitationInvalid,
    AlreadyEnded,
    // the HTTP layer and sign-in (web/http, core/auth_service)
    PasswordWrong,
    HashFailed,
    HttpNotFound,
    HttpMethodNotAllowed,
    HttpSignInRequired,
    HttpNoAccess,
    HttpFormExpired,
    HttpTooLarge,
    HttpHeadersTooLarge,
    HttpNotForm,
    HttpBadEncoding,
    HttpBadUtf8,
    HttpBadPath,
    HttpInternalError,
    CannotListen,
    HttpFrontPage,
    PersonHasAccount,
    // backup and restore of the SQLite file (storage/sqlite/sqlite_backup)
    BackupPostgres,
    BackupSameFile,
    BackupNotAFile,
    BackupBusy,
    BackupNotSamskab,
    BackupDamaged,
    BackupTooNew,
    BackupPageSize,
    BackupWritten,
    BackupSound,
    RestoreDone,
    // nouns used inside other messages
    NounPartnership,
    NounOrganisation,
    NounPlace,
    NounPerson,
    NounActivity,
    NounOccurrence,
};

std::string message(Lang lang, Msg id, std::initializer_list<std::string_view> args = {});

}  // namespace samskab::core
