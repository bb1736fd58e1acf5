#pragma once

#include <QString>
#include <QStringList>

namespace pd::searchterms {

/// What subject_terms holds for a subject: each word of its name (case-folded) and each IP address. Words shorter
/// than two characters are left out (initials would match half the register).
QStringList forSubject(const QString &displayName, const QStringList &ipAddresses);

/// Whether `text` reads as an IP address or the start of one ("178.120", "2a02:").
bool looksLikeIp(const QString &text);

} // namespace pd::searchterms
