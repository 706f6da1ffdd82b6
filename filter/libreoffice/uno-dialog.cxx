/* uno-dialog.cxx — see uno-dialog.hxx. */
#include "libreoffice/uno-dialog.hxx"

#include <com/sun/star/awt/PushButtonType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

Dialog::Dialog(const uno::Reference<uno::XComponentContext> &ctx, const OUString &title,
               sal_Int32 width, sal_Int32 height)
    : ctx_(ctx)
{
    auto smgr = ctx_->getServiceManager();
    uno::Reference<awt::XControlModel> model(
        smgr->createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", ctx_),
        uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet> p(model, uno::UNO_QUERY_THROW);
    p->setPropertyValue("Title", uno::Any(title));
    p->setPropertyValue("Width", uno::Any(width));
    p->setPropertyValue("Height", uno::Any(height));
    factory_.set(model, uno::UNO_QUERY_THROW);
    controls_.set(model, uno::UNO_QUERY_THROW);
    dialog_.set(smgr->createInstanceWithContext("com.sun.star.awt.UnoControlDialog", ctx_),
                uno::UNO_QUERY_THROW);
    dialog_->setModel(model);
    container_.set(dialog_, uno::UNO_QUERY_THROW);
}

Dialog::~Dialog()
{
    try {
        uno::Reference<lang::XComponent>(dialog_, uno::UNO_QUERY_THROW)->dispose();
    } catch (const uno::Exception &) {
    }
}

void Dialog::add(const char *kind, const char *name, sal_Int32 x, sal_Int32 y, sal_Int32 w,
                 sal_Int32 h, const std::vector<std::pair<const char *, uno::Any>> &props)
{
    uno::Reference<beans::XPropertySet> m(factory_->createInstance("com.sun.star.awt.UnoControl" +
                                                                   OUString::createFromAscii(kind) +
                                                                   "Model"),
                                          uno::UNO_QUERY_THROW);
    m->setPropertyValue("PositionX", uno::Any(x));
    m->setPropertyValue("PositionY", uno::Any(y));
    m->setPropertyValue("Width", uno::Any(w));
    m->setPropertyValue("Height", uno::Any(h));
    for (const auto &p : props)
        m->setPropertyValue(OUString::createFromAscii(p.first), p.second);
    controls_->insertByName(OUString::createFromAscii(name), uno::Any(m));
}

bool Dialog::run()
{
    dialog_->createPeer(
        uno::Reference<awt::XToolkit>(awt::Toolkit::create(ctx_), uno::UNO_QUERY_THROW), nullptr);
    return uno::Reference<awt::XDialog>(dialog_, uno::UNO_QUERY_THROW)->execute() ==
           ui::dialogs::ExecutableDialogResults::OK;
}

sal_Int16 Dialog::selected(const char *name) const
{
    auto sel = get<uno::Sequence<sal_Int16>>(name, "SelectedItems");
    return sel.getLength() ? sel[0] : -1;
}

void addOkCancel(Dialog &d, sal_Int32 w, sal_Int32 h, const char *ok)
{
    d.add("Button", "ok", w - 112, h - 20, 50, 14,
          {{"Label", uno::Any(OUString::createFromAscii(ok))},
           {"PushButtonType", uno::Any(sal_Int16(awt::PushButtonType_OK))},
           {"DefaultButton", uno::Any(true)}});
    d.add("Button", "cancel", w - 56, h - 20, 50, 14,
          {{"Label", uno::Any(OUString("Cancel"))},
           {"PushButtonType", uno::Any(sal_Int16(awt::PushButtonType_CANCEL))}});
}

} // namespace odfgate_lo
