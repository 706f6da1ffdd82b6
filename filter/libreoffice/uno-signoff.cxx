/* uno-signoff.cxx — see uno-signoff.hxx. */
#include "libreoffice/uno-signoff.hxx"

#include "libreoffice/gate.h"
#include "libreoffice/uno-dialog.hxx"
#include "libreoffice/uno-prefs.hxx"
#include "libreoffice/uno-sign.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/util/XModifiable.hpp>

#include <cstdlib>
#include <memory>
#include <vector>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

namespace
{

/* the last name and role given in this LibreOffice session */
std::string last_by, last_role;

/* LibreOffice's user name (Tools ▸ Options ▸ User Data), "" if none */
std::string officeUserName(const uno::Reference<uno::XComponentContext> &ctx)
{
    try {
        uno::Reference<container::XNameAccess> data(
            configNode(ctx, "/org.openoffice.UserProfile/Data"), uno::UNO_QUERY_THROW);
        OUString given, surname;
        data->getByName("givenname") >>= given;
        data->getByName("sn") >>= surname;
        return toUtf8((given + " " + surname).trim());
    } catch (const uno::Exception &) {
        return std::string();
    }
}

} // namespace

FindingsPtr recordSignOff(const uno::Reference<uno::XComponentContext> &ctx,
                          const uno::Reference<frame::XModel> &model, const SignOff &s)
{
    og_lo_options options = draftingOptions(ctx);
    TempDir tmp;
    std::string copy = tmp.file("signoff.odt"), doc = documentPath(model);
    uno::Reference<util::XModifiable> mod(model, uno::UNO_QUERY);
    if (s.cert.is()) {
        requireSignable(doc); /* before anything is recorded */
        /* the file must be the text signed off: saved first if it was changed (a save
         * drops the signatures the file had; signing is the last step) */
        if (mod.is() && mod->isModified())
            uno::Reference<frame::XStorable>(model, uno::UNO_QUERY_THROW)->store();
    }
    storeCopy(model, copy);
    Outcome outcome;
    char *name = nullptr, *value = nullptr;
    if (og_lo_signoff_record(copy.c_str(), doc.empty() ? nullptr : doc.c_str(), &options,
                             s.signatory.c_str(), s.by.c_str(), s.role.c_str(),
                             s.decision.empty() ? nullptr : s.decision.c_str(), &name, &value,
                             &outcome) < 0)
        throw uno::RuntimeException(fromUtf8(outcome.text().c_str()));
    OUString propName = fromUtf8(name), record = fromUtf8(value);
    std::free(name);
    std::free(value);
    uno::Reference<document::XDocumentPropertiesSupplier> dps(model, uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertyContainer> user =
        dps->getDocumentProperties()->getUserDefinedProperties();
    uno::Reference<beans::XPropertySet> props(user, uno::UNO_QUERY_THROW);
    if (props->getPropertySetInfo()->hasPropertyByName(propName))
        props->setPropertyValue(propName, uno::Any(record));
    else
        user->addProperty(propName, beans::PropertyAttribute::REMOVABLE, uno::Any(record));
    if (s.cert.is()) {
        try {
            signPackage(ctx, doc, s.cert, toUtf8(record));
        } catch (const uno::Exception &) {
            if (mod.is()) /* the record stays in the open document, not signed */
                mod->setModified(true);
            throw;
        }
        /* The file carries the record, in its new signature; the open document keeps it in its
         * properties (what the panel shows) without being marked changed: a save would rewrite
         * the package without the signature, so the next signatory signs the file as it is. */
        if (mod.is())
            mod->setModified(false);
        tell(ctx, model, "info",
             "Signed: " + doc + " carries the sign-off of " + s.signatory +
                 " in a digital signature (" + toUtf8(s.cert->getSubjectName()) +
                 "). Saving the document again removes the signature: sign last.");
    } else if (mod.is()) {
        mod->setModified(true);
    }
    return checkModel(ctx, model, std::string(), "signed off");
}

bool askSignOff(const uno::Reference<uno::XComponentContext> &ctx,
                const uno::Reference<frame::XModel> &model, SignOff *out)
{
    char msg[512];
    std::string doc = documentPath(model);
    og_lo_signatories sigs;
    og_lo_options options = draftingOptions(ctx);
    if (og_lo_signatories_of(&options, doc.empty() ? nullptr : doc.c_str(), &sigs, msg,
                             sizeof(msg)) < 0)
        throw uno::RuntimeException(fromUtf8(msg));
    std::unique_ptr<og_lo_signatories, void (*)(og_lo_signatories *)> hold(&sigs,
                                                                           og_lo_signatories_free);
    if (!sigs.count)
        throw uno::RuntimeException("the schema names no signatories");
    /* where each stands, from the last check (made now if there was none) */
    FindingsPtr f = DocState::of(model)->findings();
    if (!f || !f->ran)
        f = checkModel(ctx, model, std::string(), "check");
    std::vector<OUString> who, standing;
    for (size_t i = 0; i < sigs.count; i++)
        who.push_back(fromUtf8((std::string(sigs.names[i]) + " (" + sigs.ids[i] + ")").c_str()));
    for (const std::string &line : f->signatories)
        standing.push_back(fromUtf8(line.c_str()));
    sal_Int16 first = 0, approve = 0;
    if (last_by.empty())
        last_by = officeUserName(ctx);

    std::vector<uno::Reference<security::XCertificate>> certs = personalCertificates(ctx);
    std::vector<OUString> signWith{"(no digital signature)"};
    for (const auto &c : certs)
        signWith.push_back(c->getSubjectName());
    sal_Int16 none = 0;

    Dialog d(ctx, "Sign off the statement", 280, 222);
    d.add("FixedText", "intro", 6, 6, 268, 20,
          {{"Label", uno::Any(OUString("The sign-off is bound to the text as it is now: any later "
                                       "change to it makes the sign-off stale."))},
           {"MultiLine", uno::Any(true)}});
    d.add("FixedText", "standingLabel", 6, 28, 268, 10,
          {{"Label", uno::Any(OUString("Where the signatories stand"))}});
    d.add("ListBox", "standing", 6, 39, 268, 52,
          {{"StringItemList", uno::Any(uno::Sequence<OUString>(
                                  standing.data(), static_cast<sal_Int32>(standing.size())))},
           {"ReadOnly", uno::Any(true)}});
    d.add("FixedText", "signatoryLabel", 6, 96, 180, 10,
          {{"Label", uno::Any(OUString("Signatory"))}});
    d.add("ListBox", "signatory", 6, 107, 180, 12,
          {{"Dropdown", uno::Any(true)},
           {"StringItemList",
            uno::Any(uno::Sequence<OUString>(who.data(), static_cast<sal_Int32>(who.size())))},
           {"SelectedItems", uno::Any(uno::Sequence<sal_Int16>(&first, 1))}});
    d.add("FixedText", "decisionLabel", 192, 96, 82, 10,
          {{"Label", uno::Any(OUString("Decision"))}});
    OUString decisions[] = {"Approve", "Reject"};
    d.add("ListBox", "decision", 192, 107, 82, 12,
          {{"Dropdown", uno::Any(true)},
           {"StringItemList", uno::Any(uno::Sequence<OUString>(decisions, 2))},
           {"SelectedItems", uno::Any(uno::Sequence<sal_Int16>(&approve, 1))}});
    d.add("FixedText", "byLabel", 6, 125, 131, 10, {{"Label", uno::Any(OUString("Name"))}});
    d.add("Edit", "by", 6, 136, 131, 12, {{"Text", uno::Any(fromUtf8(last_by.c_str()))}});
    d.add("FixedText", "roleLabel", 143, 125, 131, 10,
          {{"Label", uno::Any(OUString("Role (optional)"))}});
    d.add("Edit", "role", 143, 136, 131, 12, {{"Text", uno::Any(fromUtf8(last_role.c_str()))}});
    d.add("FixedText", "certLabel", 6, 154, 268, 10,
          {{"Label", uno::Any(OUString("Sign with a certificate of LibreOffice's store (saves the "
                                       "document, then signs it)"))}});
    d.add("ListBox", "cert", 6, 165, 268, 12,
          {{"Dropdown", uno::Any(true)},
           {"StringItemList", uno::Any(uno::Sequence<OUString>(
                                  signWith.data(), static_cast<sal_Int32>(signWith.size())))},
           {"SelectedItems", uno::Any(uno::Sequence<sal_Int16>(&none, 1))}});
    addOkCancel(d, 280, 222, "Sign off");
    if (!d.run())
        return false;
    sal_Int16 k = d.selected("signatory");
    if (k < 0 || static_cast<size_t>(k) >= sigs.count)
        return false;
    out->signatory = sigs.ids[k];
    out->decision = d.selected("decision") == 1 ? "rejected" : "approved";
    out->by = last_by = toUtf8(d.get<OUString>("by", "Text").trim());
    out->role = last_role = toUtf8(d.get<OUString>("role", "Text").trim());
    sal_Int16 c = d.selected("cert");
    if (c > 0 && static_cast<size_t>(c) <= certs.size())
        out->cert = certs[static_cast<size_t>(c) - 1];
    return true;
}

} // namespace odfgate_lo
