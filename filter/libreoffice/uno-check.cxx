/*
 * uno-check.cxx — the vnd.odfgate: commands (implementation org.odfgate.CheckHandler, a
 * ProtocolHandler), behind Tools ▸ Check statement…, the toolbar button, the shortcut and the
 * Statement check panel:
 *   vnd.odfgate:check           check the document as it is in the editor (a writer8 copy) and
 *                               show the findings in the panel (DocState); arguments:
 *                                 Schema (string)        schema path or URL, as schema=
 *                                 InsertComments (bool)  also put them in as odfgate comments
 *                                                        (one undo step)
 *                               Without a panel (no window) the findings are told in a
 *                               message box / on standard error.
 *   vnd.odfgate:goto            select finding Index (int) of the last check in the view
 *   vnd.odfgate:remove-comments remove every odfgate comment (one undo step)
 *   vnd.odfgate:findings        the last findings, for scripts and tests: nothing changes
 *   vnd.odfgate:signoff         record a sign-off bound to the text as it is now (Signatory,
 *                               By, Role, Decision "approved"/"rejected", Certificate: a subject
 *                               in LibreOffice's store to also sign with); without Signatory,
 *                               the sign-off dialog asks (uno-signoff.hxx)
 * Through dispatchWithNotification the result event carries a sequence of strings: check and
 * findings one per finding ("error: [section] message (rule)") then, for findings, the
 * signatory lines prefixed "signatory: " and the origin as "origin: WHAT"; goto the text
 * selected; remove-comments the number removed; signoff the signatory's line after it.  State
 * FAILURE with the reason as the only string when the command could not run.  Created by the
 * dispatch framework, the handler is initialised with the frame; an API caller may initialise it
 * with a document model instead (a document without a window).
 */
#include "libreoffice/uno-util.hxx"

#include "libreoffice/gate.h"
#include "libreoffice/uno-docstate.hxx"
#include "libreoffice/uno-sign.hxx"
#include "libreoffice/uno-signoff.hxx"
#include "libreoffice/uno-text.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <vector>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

namespace
{

bool isCommand(const OUString &path)
{
    return path.equalsAscii("check") || path.equalsAscii("goto") ||
           path.equalsAscii("remove-comments") || path.equalsAscii("findings") ||
           path.equalsAscii("signoff");
}

class CheckHandler
    : public cppu::WeakImplHelper4<frame::XDispatchProvider, frame::XNotifyingDispatch,
                                   lang::XInitialization, lang::XServiceInfo>
{
  public:
    explicit CheckHandler(const uno::Reference<uno::XComponentContext> &ctx) : ctx_(ctx) {}

    void SAL_CALL initialize(const uno::Sequence<uno::Any> &args) override
    {
        for (const uno::Any &a : args) {
            if (uno::Reference<frame::XFrame> f; a >>= f)
                frame_ = f;
            else if (uno::Reference<frame::XModel> m; a >>= m)
                model_ = m;
        }
    }
    uno::Reference<frame::XDispatch> SAL_CALL queryDispatch(const util::URL &url, const OUString &,
                                                            sal_Int32) override
    {
        if (url.Protocol.equalsAscii("vnd.odfgate:") && isCommand(url.Path))
            return this;
        return nullptr;
    }
    uno::Sequence<uno::Reference<frame::XDispatch>>
        SAL_CALL queryDispatches(const uno::Sequence<frame::DispatchDescriptor> &requests) override
    {
        uno::Sequence<uno::Reference<frame::XDispatch>> out(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); i++)
            out[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName,
                                   requests[i].SearchFlags);
        return out;
    }
    void SAL_CALL dispatch(const util::URL &url,
                           const uno::Sequence<beans::PropertyValue> &args) override
    {
        dispatchWithNotification(url, args, nullptr);
    }
    void SAL_CALL dispatchWithNotification(
        const util::URL &url, const uno::Sequence<beans::PropertyValue> &args,
        const uno::Reference<frame::XDispatchResultListener> &listener) override;
    void SAL_CALL addStatusListener(const uno::Reference<frame::XStatusListener> &,
                                    const util::URL &) override
    {
    }
    void SAL_CALL removeStatusListener(const uno::Reference<frame::XStatusListener> &,
                                       const util::URL &) override
    {
    }

    OUString SAL_CALL getImplementationName() override { return implementationName(); }
    sal_Bool SAL_CALL supportsService(const OUString &name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return serviceNames(); }
    static OUString implementationName() { return "org.odfgate.CheckHandler"; }
    static uno::Sequence<OUString> serviceNames()
    {
        OUString name("com.sun.star.frame.ProtocolHandler");
        return uno::Sequence<OUString>(&name, 1);
    }

  private:
    uno::Reference<uno::XComponentContext> ctx_;
    uno::Reference<frame::XFrame> frame_;
    uno::Reference<frame::XModel> model_;
};

void CheckHandler::dispatchWithNotification(
    const util::URL &url, const uno::Sequence<beans::PropertyValue> &args,
    const uno::Reference<frame::XDispatchResultListener> &listener)
{
    frame::DispatchResultEvent event;
    event.Source = static_cast<cppu::OWeakObject *>(this);
    event.State = frame::DispatchResultState::FAILURE;
    uno::Reference<frame::XModel> model;
    std::vector<OUString> result;
    try {
        OUString schema;
        bool insert = false;
        sal_Int32 index = -1;
        for (const beans::PropertyValue &p : args) {
            if (p.Name == "Schema")
                p.Value >>= schema;
            if (p.Name == "InsertComments")
                p.Value >>= insert;
            if (p.Name == "Index")
                p.Value >>= index;
        }
        model = model_;
        if (!model.is() && frame_.is() && frame_->getController().is())
            model = frame_->getController()->getModel();
        if (!model.is())
            throw uno::RuntimeException("there is no document in this window");
        auto state = DocState::of(model);
        if (url.Path.equalsAscii("check")) {
            FindingsPtr f = checkModel(ctx_, model, toUtf8(schema), "check");
            if (!f->ran) {
                tell(ctx_, model, "error", f->error);
                result.push_back(fromUtf8(f->error.c_str()));
            } else {
                for (const Finding &it : f->items)
                    result.push_back(fromUtf8(it.line.c_str()));
                if (insert)
                    insertComments(model, *f);
                /* the panel shows them when it is open; else the person is told */
                if (!state->hasListeners())
                    tell(ctx_, model, "info", f->summary);
                event.State = frame::DispatchResultState::SUCCESS;
            }
        } else if (url.Path.equalsAscii("goto")) {
            FindingsPtr f = state->findings();
            if (!f)
                throw uno::RuntimeException("the document has not been checked yet");
            if (index < 0)
                throw uno::RuntimeException("goto needs the argument Index");
            result.push_back(selectFinding(model, *f, static_cast<size_t>(index)));
            event.State = frame::DispatchResultState::SUCCESS;
        } else if (url.Path.equalsAscii("signoff")) {
            SignOff s;
            for (const beans::PropertyValue &p : args) {
                OUString v;
                p.Value >>= v;
                if (p.Name == "Signatory")
                    s.signatory = toUtf8(v);
                else if (p.Name == "By")
                    s.by = toUtf8(v);
                else if (p.Name == "Role")
                    s.role = toUtf8(v);
                else if (p.Name == "Certificate")
                    s.cert = certificateFor(ctx_, toUtf8(v));
                else if (p.Name == "Decision")
                    s.decision = toUtf8(v);
            }
            if (s.signatory.empty() && !askSignOff(ctx_, model, &s)) {
                result.push_back("cancelled");
            } else {
                FindingsPtr f = recordSignOff(ctx_, model, s);
                for (const std::string &line : f->signatories)
                    if (line.find("(" + s.signatory + "):") != std::string::npos)
                        result.push_back(fromUtf8(line.c_str()));
                event.State = frame::DispatchResultState::SUCCESS;
            }
        } else if (url.Path.equalsAscii("remove-comments")) {
            size_t n = removeOurComments(model, "Statement check: remove the comments");
            result.push_back(OUString::number(static_cast<sal_Int64>(n)));
            event.State = frame::DispatchResultState::SUCCESS;
        } else {
            FindingsPtr f = state->findings();
            if (f && f->ran) {
                for (const Finding &it : f->items)
                    result.push_back(fromUtf8(it.line.c_str()));
                for (const std::string &sig : f->signatories)
                    result.push_back(fromUtf8(("signatory: " + sig).c_str()));
            } else if (f) {
                result.push_back(fromUtf8(("error: " + f->error).c_str()));
            }
            result.push_back(
                fromUtf8(("origin: " + (f ? f->origin : std::string("none"))).c_str()));
            event.State = frame::DispatchResultState::SUCCESS;
        }
    } catch (const uno::Exception &e) {
        std::string why = "the command could not run: " + toUtf8(e.Message);
        tell(ctx_, model, "error", why);
        result.assign(1, fromUtf8(why.c_str()));
    }
    event.Result <<= uno::Sequence<OUString>(result.data(), static_cast<sal_Int32>(result.size()));
    if (listener.is())
        listener->dispatchFinished(event);
}

} // namespace

uno::Reference<uno::XInterface>
createCheckHandler(const uno::Reference<uno::XComponentContext> &ctx)
{
    return static_cast<cppu::OWeakObject *>(new CheckHandler(ctx));
}
OUString checkHandlerImplementationName() { return CheckHandler::implementationName(); }
uno::Sequence<OUString> checkHandlerServiceNames() { return CheckHandler::serviceNames(); }

} // namespace odfgate_lo
