/*
 * uno-sign.hxx — a sign-off signed with a certificate from LibreOffice's own certificate store
 * (its NSS database: Tools ▸ Options ▸ Security ▸ Certificate).  The private key never leaves
 * LibreOffice: LibreOffice makes the ODF signature (XDocumentDigitalSignatures::
 * signSignatureLine, no signature line), with odfgate's sign-off record as the signature's
 * description — where `odfgate signoff --sign` puts it, so every odfgate command reads it as a
 * signed sign-off (docs/signatures.md).  gate.c keeps the earlier signatures and checks the
 * result before the document's file is replaced.
 */
#ifndef OG_LO_UNO_SIGN_HXX
#define OG_LO_UNO_SIGN_HXX

#include <com/sun/star/security/XCertificate.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace odfgate_lo
{
namespace css = com::sun::star;

/* The certificates of LibreOffice's store that come with a private key (none if there is no
 * store). */
std::vector<css::uno::Reference<css::security::XCertificate>>
personalCertificates(const css::uno::Reference<css::uno::XComponentContext> &ctx);

/* The one personal certificate whose subject contains `subject`; throws
 * uno::RuntimeException naming the subjects there are when none or several match. */
css::uno::Reference<css::security::XCertificate>
certificateFor(const css::uno::Reference<css::uno::XComponentContext> &ctx,
               const std::string &subject);

/* Throws uno::RuntimeException saying why the file at `path` cannot be signed: none (never
 * saved), or not an ODF package (a flat .fodt). */
void requireSignable(const std::string &path);

/* Sign the ODF package at `path` with cert, `record` as the signature's description; the file
 * is replaced (atomically) only once odfgate finds the new signature valid, signing every
 * stream, and the earlier ones as they were.  Throws uno::RuntimeException with the reason. */
void signPackage(const css::uno::Reference<css::uno::XComponentContext> &ctx,
                 const std::string &path,
                 const css::uno::Reference<css::security::XCertificate> &cert,
                 const std::string &record);

} // namespace odfgate_lo

#endif
