#include "app/access/Password.h"

#include <QMessageAuthenticationCode>

#include <sodium.h>

namespace pd::password {

namespace {

bool ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

QString hash(const QString &password)
{
    if (!ensureSodium()) {
        return {};
    }
    QByteArray utf8 = password.toUtf8();
    char encoded[crypto_pwhash_STRBYTES];
    const int result = crypto_pwhash_str(encoded, utf8.constData(), quint64(utf8.size()),
                                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    sodium_memzero(utf8.data(), std::size_t(utf8.size()));
    return result == 0 ? QString::fromLatin1(encoded) : QString();
}

bool verify(const QString &encodedHash, const QString &password)
{
    if (!ensureSodium()) {
        return false;
    }
    const QByteArray encoded = encodedHash.toLatin1();
    QByteArray utf8 = password.toUtf8();
    const bool ok = crypto_pwhash_str_verify(encoded.constData(), utf8.constData(), quint64(utf8.size())) == 0;
    sodium_memzero(utf8.data(), std::size_t(utf8.size()));
    return ok;
}

void burnVerificationTime(const QString &password)
{
    static const QString decoy = hash(QStringLiteral("privacy-desk-decoy-password"));
    verify(decoy, password);
}

QString keyedHash(const QByteArray &key, const QString &value)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(value.toUtf8(), key, QCryptographicHash::Sha256).toHex());
}

QByteArray randomKey()
{
    ensureSodium();
    QByteArray key(32, Qt::Uninitialized);
    randombytes_buf(key.data(), std::size_t(key.size()));
    return key;
}

} // namespace pd::password
