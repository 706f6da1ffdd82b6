/*
 * uno-dialog.hxx — a modal dialog built in code from the toolkit's own controls (as Basic
 * dialogs are: positions and sizes in application-font units), for the filter options and the
 * sign-off dialogs.  Built, run, read, disposed with the object.
 */
#ifndef OG_LO_UNO_DIALOG_HXX
#define OG_LO_UNO_DIALOG_HXX

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <utility>
#include <vector>

namespace odfgate_lo
{
namespace css = com::sun::star;

class Dialog
{
  public:
    Dialog(const css::uno::Reference<css::uno::XComponentContext> &ctx, const rtl::OUString &title,
           sal_Int32 width, sal_Int32 height);
    ~Dialog();
    Dialog(const Dialog &) = delete;
    Dialog &operator=(const Dialog &) = delete;

    /* a control of kind ("CheckBox", "Edit", "ListBox", "FixedText", "Button"...) */
    void add(const char *kind, const char *name, sal_Int32 x, sal_Int32 y, sal_Int32 w, sal_Int32 h,
             const std::vector<std::pair<const char *, css::uno::Any>> &props);
    /* OK (an OK-type button closed it) or not */
    bool run();
    template <typename T> T get(const char *name, const char *prop) const
    {
        T v{};
        css::uno::Reference<css::beans::XPropertySet>(
            container_->getControl(rtl::OUString::createFromAscii(name))->getModel(),
            css::uno::UNO_QUERY_THROW)
            ->getPropertyValue(rtl::OUString::createFromAscii(prop)) >>= v;
        return v;
    }
    /* the selected entry of a list box (-1: none) */
    sal_Int16 selected(const char *name) const;

  private:
    css::uno::Reference<css::uno::XComponentContext> ctx_;
    css::uno::Reference<css::lang::XMultiServiceFactory> factory_;
    css::uno::Reference<css::container::XNameContainer> controls_;
    css::uno::Reference<css::awt::XControl> dialog_;
    css::uno::Reference<css::awt::XControlContainer> container_;
};

/* OK (labelled `ok`, the default button) and Cancel at the bottom right of a w x h dialog */
void addOkCancel(Dialog &d, sal_Int32 w, sal_Int32 h, const char *ok);

} // namespace odfgate_lo

#endif
