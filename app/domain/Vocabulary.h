#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace pd {

/// The fixed vocabularies of the domain, with their stored (and command-line) spellings.
/// Each enum has toString() giving the stored spelling and a parse function returning nullopt on unknown text.

enum class Role { Admin, Officer, Agent, Auditor };
enum class LegalGround { Contract, Consent, LegitimateInterest, LegalObligation, VitalInterest, PublicTask };
enum class RetentionKind { ContractTerm, Fixed, BackupCycle, UntilWithdrawal, Legal };
enum class ControllerKind { Own, Client };
enum class RecipientRole { Processor, Controller, Authority, Internal };
/// Where a purpose's data protection impact assessment stands (GDPR art. 35).
enum class DpiaStatus { NotAssessed, NotNeeded, Needed, InProgress, Done };
enum class DataState { Active, Blocked, Anonymized };
enum class RequestType {
    Access,
    Disclosures,
    Rectification,
    Erasure,
    Restriction,
    Objection,
    ConsentWithdrawal,
    Portability,
    Complaint
};
enum class Regime { By99z, Gdpr, UkGdpr, Ccpa, Ru152fz, BrLgpd };
enum class RequestStatus { New, IdentityPending, InProgress, AwaitingApproval, Completed, Refused, Withdrawn };

QString toString(Role value);
QString toString(LegalGround value);
QString toString(RetentionKind value);
QString toString(ControllerKind value);
QString toString(RecipientRole value);
QString toString(DpiaStatus value);
QString toString(DataState value);
QString toString(RequestType value);
QString toString(Regime value);
QString toString(RequestStatus value);

std::optional<Role> parseRole(const QString &text);
std::optional<LegalGround> parseLegalGround(const QString &text);
std::optional<RetentionKind> parseRetentionKind(QStringView text);
std::optional<ControllerKind> parseControllerKind(const QString &text);
std::optional<RecipientRole> parseRecipientRole(const QString &text);
std::optional<DpiaStatus> parseDpiaStatus(const QString &text);
std::optional<DataState> parseDataState(const QString &text);
std::optional<RequestType> parseRequestType(const QString &text);
std::optional<Regime> parseRegime(const QString &text);
std::optional<RequestStatus> parseRequestStatus(const QString &text);

/// Every stored spelling of a vocabulary, in declaration order (for messages that list what is allowed).
QStringList allRoles();
QStringList allLegalGrounds();
QStringList allRetentionKinds();
QStringList allRecipientRoles();
QStringList allDpiaStatuses();
QStringList allRequestTypes();
QStringList allRegimes();
QStringList allRequestStatuses();

/// Categories of personal data the seeds name (seed 003 §3, 004 §2.3, 001 §2).
QStringList allDataCategories();

} // namespace pd
