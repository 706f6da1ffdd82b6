/*
 * uno-signoff.hxx — Tools ▸ Sign off statement…: a signatory's sign-off recorded in the open
 * document, bound to its text as it is now (the record `odfgate signoff` writes: a
 * user-defined property "odfgate.signoff.ID" whose digests are of this text; docs/signoff.md).
 */
#ifndef OG_LO_UNO_SIGNOFF_HXX
#define OG_LO_UNO_SIGNOFF_HXX

#include "libreoffice/uno-docstate.hxx"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/security/XCertificate.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace odfgate_lo
{

struct SignOff {
    std::string signatory, by, role, decision; /* decision "approved" or "rejected" */
    /* a certificate of LibreOffice's store (uno-sign.hxx), or none: the sign-off is also
     * signed, in the saved file */
    css::uno::Reference<css::security::XCertificate> cert;
};

/* Record it in the model (a writer8 copy stamped by the library, its record copied into the
 * model's document properties), then check again: the findings, with the signatory's new
 * state.  With a certificate, the document is then saved and its file signed by LibreOffice
 * with the record as the signature's description (a document never saved, or a flat one, is
 * refused before anything is recorded).  Throws uno::RuntimeException with the reason. */
FindingsPtr recordSignOff(const css::uno::Reference<css::uno::XComponentContext> &ctx,
                          const css::uno::Reference<css::frame::XModel> &model, const SignOff &s);

/* The sign-off dialog: the schema's signatories with where each stands, a decision, the
 * signer's name (LibreOffice's user name at first, then the last one given), role (the last
 * one given) and, when LibreOffice's store has certificates with a key, one to sign with.
 * False when cancelled. */
bool askSignOff(const css::uno::Reference<css::uno::XComponentContext> &ctx,
                const css::uno::Reference<css::frame::XModel> &model, SignOff *out);

} // namespace odfgate_lo

#endif
