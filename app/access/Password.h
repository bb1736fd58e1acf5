#pragma once

#include <QByteArray>
#include <QString>

namespace pd::password {

/// Argon2id (libsodium crypto_pwhash_str at the interactive limits, about 80 ms): the encoded string holds the
/// algorithm, parameters and salt. Empty on failure (out of memory).
QString hash(const QString &password);
/// Whether `password` matches an encoded hash. Costs as much as hash(), also when it does not match.
bool verify(const QString &encodedHash, const QString &password);
/// Spends the time of one verification without a stored hash, so that an unknown operator name answers as slowly
/// as a wrong password (no user enumeration by timing).
void burnVerificationTime(const QString &password);
/// HMAC-SHA-256 of `value` under `key`, hex: lets the audit trail match a value without holding it.
QString keyedHash(const QByteArray &key, const QString &value);
/// A random key of 32 bytes.
QByteArray randomKey();

} // namespace pd::password
