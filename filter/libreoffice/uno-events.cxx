/*
 * uno-events.cxx — the save guard (implementation org.odfgate.SaveGuard, a job that Jobs.xcu
 * binds to the document events of every save).
 *
 * Whatever path a save takes (Ctrl+S and "Use ODF Format!", Save As ▸ ODF Text, Export, a
 * macro's storeToURL, --convert-to), odfgate's comments never reach the file: on OnSave,
 * OnSaveAs and OnCopyTo (LibreOffice 7.4's event for storeToURL), before it writes, they are
 * removed from the document (one undo step: the panel keeps the findings).  After the save
 * (OnSaveDone, OnSaveAsDone), a document that was opened through the odfgate filter, or
 * checked since it was opened, is checked again as it was saved, and the panel shows that.
 * odfgate's own copies (storeCopy) are left alone.
 */
#include "libreoffice/uno-util.hxx"

#include "libreoffice/uno-docstate.hxx"
#include "libreoffice/uno-text.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

namespace
{

class SaveGuard : public cppu::WeakImplHelper2<task::XJob, lang::XServiceInfo>
{
  public:
    explicit SaveGuard(const uno::Reference<uno::XComponentContext> &ctx) : ctx_(ctx) {}

    uno::Any SAL_CALL execute(const uno::Sequence<beans::NamedValue> &args) override;

    OUString SAL_CALL getImplementationName() override { return implementationName(); }
    sal_Bool SAL_CALL supportsService(const OUString &name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return serviceNames(); }
    static OUString implementationName() { return "org.odfgate.SaveGuard"; }
    static uno::Sequence<OUString> serviceNames()
    {
        OUString name("com.sun.star.task.Job");
        return uno::Sequence<OUString>(&name, 1);
    }

  private:
    uno::Reference<uno::XComponentContext> ctx_;
};

uno::Any SAL_CALL SaveGuard::execute(const uno::Sequence<beans::NamedValue> &args)
{
    OUString event;
    uno::Reference<frame::XModel> model;
    for (const beans::NamedValue &a : args) {
        uno::Sequence<beans::NamedValue> env;
        if (a.Name == "Environment" && (a.Value >>= env))
            for (const beans::NamedValue &e : env) {
                if (e.Name == "EventName")
                    e.Value >>= event;
                else if (e.Name == "Model")
                    e.Value >>= model;
            }
    }
    /* every document's saves come here (Calc's, Impress's too): Writer's only are odfgate's */
    if (!uno::Reference<text::XTextDocument>(model, uno::UNO_QUERY).is() || storingCopy())
        return uno::Any();
    try {
        if (event == "OnSave" || event == "OnSaveAs" || event == "OnCopyTo") {
            if (removeOurComments(model, "Statement check: comments removed before saving"))
                std::fprintf(stderr, "odfgate: odfgate's comments removed before saving\n");
        } else if (event == "OnSaveDone" || event == "OnSaveAsDone") {
            auto state = DocState::of(model);
            /* once the save is over: a copy stored while LibreOffice still saves would wait on
             * it (the window stays locked) */
            if (state->openedForChecking() || state->findings())
                runLater(ctx_, [ctx = ctx_, model] {
                    try {
                        FindingsPtr f = checkModel(ctx, model, std::string(), "saved");
                        std::fprintf(stderr, "odfgate: checked as saved: %s\n",
                                     (f->ran ? f->summary : f->error).c_str());
                    } catch (const uno::Exception &e) {
                        std::fprintf(stderr, "odfgate: the check after saving failed: %s\n",
                                     toUtf8(e.Message).c_str());
                    }
                });
        }
    } catch (const uno::Exception &e) {
        tell(ctx_, model, "error", "the save guard failed: " + toUtf8(e.Message));
    }
    return uno::Any();
}

} // namespace

uno::Reference<uno::XInterface> createSaveGuard(const uno::Reference<uno::XComponentContext> &ctx)
{
    return static_cast<cppu::OWeakObject *>(new SaveGuard(ctx));
}
OUString saveGuardImplementationName() { return SaveGuard::implementationName(); }
uno::Sequence<OUString> saveGuardServiceNames() { return SaveGuard::serviceNames(); }

} // namespace odfgate_lo
