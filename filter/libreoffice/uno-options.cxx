/*
 * uno-options.cxx — the odfgate filter's options dialog (implementation
 * org.odfgate.FilterOptionsDialog, the filters' UIComponent in Filter.xcu): what Save As ▸
 * "Edit filter settings" opens for "ODF statement (odfgate)".
 *
 * LibreOffice hands it the media descriptor (XPropertyAccess::setPropertyValues, with any
 * FilterOptions already chosen) and the document (XExporter), runs it (XExecutableDialog) and
 * reads FilterOptions back: under Save As with "Edit filter settings", and on a Save in the
 * odfgate format (as it asks CSV's options).  Opening through odfgate asks it too, with no
 * document given: it answers OK at once, the options unchanged.  The choices: strict (refuse to
 * save when the statement fails), a schema (file or URL; empty: the .odfgate.ini beside the
 * document, else the built-in one), and a sign-off to record while saving: a signatory from that
 * schema's list, a name and a role.  The text is gate.h's filter options syntax
 * (og_lo_format_options).
 */
#include "libreoffice/uno-util.hxx"

#include "libreoffice/gate.h"
#include "libreoffice/uno-dialog.hxx"
#include "libreoffice/uno-prefs.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertyAccess.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XExporter.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/XExecutableDialog.hpp>
#include <cppuhelper/implbase5.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <memory>
#include <vector>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

namespace
{

class FilterOptionsDialog
    : public cppu::WeakImplHelper5<ui::dialogs::XExecutableDialog, beans::XPropertyAccess,
                                   document::XExporter, lang::XInitialization, lang::XServiceInfo>
{
  public:
    explicit FilterOptionsDialog(const uno::Reference<uno::XComponentContext> &ctx) : ctx_(ctx) {}

    void SAL_CALL setTitle(const OUString &title) override { title_ = title; }
    sal_Int16 SAL_CALL execute() override;
    uno::Sequence<beans::PropertyValue> SAL_CALL getPropertyValues() override
    {
        beans::PropertyValue p;
        p.Name = "FilterOptions";
        p.Value <<= options_;
        return uno::Sequence<beans::PropertyValue>(&p, 1);
    }
    void SAL_CALL setPropertyValues(const uno::Sequence<beans::PropertyValue> &values) override
    {
        for (const beans::PropertyValue &p : values) {
            if (p.Name == "FilterOptions")
                p.Value >>= options_;
            else if (p.Name == "URL")
                p.Value >>= url_;
        }
    }
    void SAL_CALL setSourceDocument(const uno::Reference<lang::XComponent> &doc) override
    {
        model_.set(doc, uno::UNO_QUERY);
    }
    void SAL_CALL initialize(const uno::Sequence<uno::Any> &) override {}

    OUString SAL_CALL getImplementationName() override { return implementationName(); }
    sal_Bool SAL_CALL supportsService(const OUString &name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return serviceNames(); }
    static OUString implementationName() { return "org.odfgate.FilterOptionsDialog"; }
    static uno::Sequence<OUString> serviceNames()
    {
        OUString name("com.sun.star.ui.dialogs.FilterOptionsDialog");
        return uno::Sequence<OUString>(&name, 1);
    }

  private:
    uno::Reference<uno::XComponentContext> ctx_;
    uno::Reference<frame::XModel> model_;
    OUString title_ = "odfgate: check and sign off while saving", options_, url_;
};

sal_Int16 SAL_CALL FilterOptionsDialog::execute()
{
    /* LibreOffice also asks a filter's options when it opens a document through it (as for
     * CSV); then no source document was given.  The options are about saving: nothing to ask */
    if (!model_.is())
        return ui::dialogs::ExecutableDialogResults::OK;
    og_lo_options now;
    char msg[512];
    std::string text = toUtf8(options_);
    if (og_lo_parse_options(text.c_str(), &now, msg, sizeof(msg)) < 0)
        og_lo_parse_options(nullptr, &now, msg, sizeof(msg)); /* start from the defaults */
    now.prefs = readPrefs(ctx_);
    std::string docPath = urlToPath(url_);
    if (docPath.empty())
        docPath = documentPath(model_);
    og_lo_signatories sigs;
    std::string why;
    if (og_lo_signatories_of(&now, docPath.empty() ? nullptr : docPath.c_str(), &sigs, msg,
                             sizeof(msg)) < 0)
        why = msg;
    std::unique_ptr<og_lo_signatories, void (*)(og_lo_signatories *)> hold(&sigs,
                                                                           og_lo_signatories_free);
    std::vector<OUString> entries{"(no sign-off)"};
    sal_Int16 selected = 0;
    for (size_t i = 0; i < sigs.count; i++) {
        entries.push_back(
            fromUtf8((std::string(sigs.names[i]) + " (" + sigs.ids[i] + ")").c_str()));
        if (std::string(sigs.ids[i]) == now.stamp_id)
            selected = static_cast<sal_Int16>(i + 1);
    }

    Dialog d(ctx_, title_, 260, 150);
    d.add("CheckBox", "strict", 6, 6, 248, 12,
          {{"Label", uno::Any(OUString("Refuse to save when the statement fails (strict)"))},
           {"State", uno::Any(sal_Int16(og_lo_strict(&now) ? 1 : 0))}});
    d.add("FixedText", "schemaLabel", 6, 24, 248, 10,
          {{"Label",
            uno::Any(OUString("Schema (file or URL; empty: .odfgate.ini, else built-in)"))}});
    d.add("Edit", "schema", 6, 35, 248, 12, {{"Text", uno::Any(fromUtf8(now.schema))}});
    d.add("FixedText", "signLabel", 6, 53, 248, 10,
          {{"Label", uno::Any(fromUtf8(why.empty() ? "Record the sign-off of"
                                                   : ("No signatories: " + why).c_str()))}});
    d.add("ListBox", "signatory", 6, 64, 248, 12,
          {{"Dropdown", uno::Any(true)},
           {"StringItemList", uno::Any(uno::Sequence<OUString>(
                                  entries.data(), static_cast<sal_Int32>(entries.size())))},
           {"SelectedItems", uno::Any(uno::Sequence<sal_Int16>(&selected, 1))}});
    d.add("FixedText", "byLabel", 6, 82, 120, 10, {{"Label", uno::Any(OUString("Name"))}});
    d.add("Edit", "by", 6, 93, 120, 12, {{"Text", uno::Any(fromUtf8(now.stamp_by))}});
    d.add("FixedText", "roleLabel", 134, 82, 120, 10,
          {{"Label", uno::Any(OUString("Role (optional)"))}});
    d.add("Edit", "role", 134, 93, 120, 12, {{"Text", uno::Any(fromUtf8(now.stamp_role))}});
    addOkCancel(d, 260, 150, "OK");
    if (!d.run())
        return ui::dialogs::ExecutableDialogResults::CANCEL;
    sal_Int16 who = d.selected("signatory");
    std::string schema = toUtf8(d.get<OUString>("schema", "Text")),
                by = toUtf8(d.get<OUString>("by", "Text")),
                role = toUtf8(d.get<OUString>("role", "Text"));
    char *o = og_lo_format_options(
        d.get<sal_Int16>("strict", "State") == 1, schema.c_str(),
        who > 0 && static_cast<size_t>(who) <= sigs.count ? sigs.ids[who - 1] : nullptr, by.c_str(),
        role.c_str(), msg, sizeof(msg));
    if (!o) {
        /* the options stay as they were: nothing half-understood is saved */
        tell(ctx_, model_, "error", std::string("The options were not changed: ") + msg);
        return ui::dialogs::ExecutableDialogResults::CANCEL;
    }
    options_ = fromUtf8(o);
    free(o);
    return ui::dialogs::ExecutableDialogResults::OK;
}

} // namespace

uno::Reference<uno::XInterface>
createFilterOptionsDialog(const uno::Reference<uno::XComponentContext> &ctx)
{
    return static_cast<cppu::OWeakObject *>(new FilterOptionsDialog(ctx));
}
OUString filterOptionsDialogImplementationName()
{
    return FilterOptionsDialog::implementationName();
}
uno::Sequence<OUString> filterOptionsDialogServiceNames()
{
    return FilterOptionsDialog::serviceNames();
}

} // namespace odfgate_lo
