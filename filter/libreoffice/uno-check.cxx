/*
 * uno-check.cxx — Tools ▸ Check statement… (implementation org.odfgate.CheckHandler, a
 * ProtocolHandler for vnd.odfgate:check).
 *
 * Stores a writer8 copy of the frame's document, checks it (gate.c) and shows the findings in
 * a message box that offers to insert them as comments (earlier odfgate comments are replaced).
 * Through dispatch (XNotifyingDispatch) the result event carries the findings as a sequence of
 * strings, one per finding ("error: [section] message (rule)"); State FAILURE with the reason
 * as the only string when the check could not run.  Dispatch arguments:
 *   Schema (string)          schema path, as the filter option schema=
 *   InsertComments (bool)    true: insert without asking; false: never insert (no question)
 * Created by the dispatch framework, the handler is initialised with the frame; an API caller
 * may initialise it with a document model instead (a document without a window).
 */
#include "libreoffice/uno-util.hxx"

#include "libreoffice/gate.h"

#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <ctime>
#include <vector>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

namespace
{

const char kAuthor[] = "odfgate";

util::DateTime nowUtc()
{
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    util::DateTime d;
    d.Year = static_cast<sal_Int16>(tm.tm_year + 1900);
    d.Month = static_cast<sal_uInt16>(tm.tm_mon + 1);
    d.Day = static_cast<sal_uInt16>(tm.tm_mday);
    d.Hours = static_cast<sal_uInt16>(tm.tm_hour);
    d.Minutes = static_cast<sal_uInt16>(tm.tm_min);
    d.Seconds = static_cast<sal_uInt16>(tm.tm_sec);
    d.IsUTC = true;
    return d;
}

/* Remove the odfgate comments of the open document. */
void removeOurComments(const uno::Reference<frame::XModel> &model)
{
    uno::Reference<text::XTextFieldsSupplier> supplier(model, uno::UNO_QUERY_THROW);
    uno::Reference<container::XEnumeration> e = supplier->getTextFields()->createEnumeration();
    std::vector<uno::Reference<text::XTextField>> ours;
    while (e->hasMoreElements()) {
        uno::Reference<text::XTextField> field(e->nextElement(), uno::UNO_QUERY);
        uno::Reference<lang::XServiceInfo> info(field, uno::UNO_QUERY);
        uno::Reference<beans::XPropertySet> props(field, uno::UNO_QUERY);
        OUString author;
        if (info.is() && props.is() &&
            info->supportsService("com.sun.star.text.textfield.Annotation") &&
            (props->getPropertyValue("Author") >>= author) && author.equalsAscii(kAuthor))
            ours.push_back(field);
    }
    for (const auto &field : ours)
        field->getAnchor()->getText()->removeTextContent(
            uno::Reference<text::XTextContent>(field.get()));
}

/* Insert each finding as a comment at the start of its paragraph (gate.c places them). */
void insertComments(const uno::Reference<frame::XModel> &model, const og_lo_outcome &outcome)
{
    uno::Reference<text::XTextDocument> doc(model, uno::UNO_QUERY_THROW);
    uno::Reference<lang::XMultiServiceFactory> factory(model, uno::UNO_QUERY_THROW);
    uno::Reference<text::XText> body = doc->getText();
    uno::Reference<container::XEnumeration> e =
        uno::Reference<container::XEnumerationAccess>(body, uno::UNO_QUERY_THROW)
            ->createEnumeration();
    std::vector<uno::Reference<text::XTextRange>> paras;
    std::vector<std::string> texts;
    while (e->hasMoreElements()) {
        uno::Reference<lang::XServiceInfo> info(e->nextElement(), uno::UNO_QUERY);
        uno::Reference<text::XTextRange> range(info, uno::UNO_QUERY);
        if (info.is() && range.is() && info->supportsService("com.sun.star.text.Paragraph")) {
            paras.push_back(range);
            texts.push_back(toUtf8(range->getString()));
        }
    }
    if (paras.empty())
        return;
    std::vector<const char *> ctexts;
    for (const auto &t : texts)
        ctexts.push_back(t.c_str());
    removeOurComments(model);
    /* places in document order; inserted last first, since each goes before the ones
     * already at the start of its paragraph */
    std::vector<size_t> place(outcome.count);
    size_t from = 0;
    for (size_t i = 0; i < outcome.count; i++) {
        place[i] = og_lo_place(&outcome, i, ctexts.data(), ctexts.size(), from);
        if (outcome.para_text[i])
            from = place[i];
    }
    util::DateTime now = nowUtc();
    for (size_t i = outcome.count; i-- > 0;) {
        uno::Reference<text::XTextContent> note(
            factory->createInstance("com.sun.star.text.textfield.Annotation"),
            uno::UNO_QUERY_THROW);
        uno::Reference<beans::XPropertySet> props(note, uno::UNO_QUERY_THROW);
        props->setPropertyValue("Author", uno::Any(OUString(kAuthor)));
        props->setPropertyValue("Content", uno::Any(fromUtf8(outcome.comments[i])));
        props->setPropertyValue("DateTimeValue", uno::Any(now));
        body->insertTextContent(paras[place[i]]->getStart(), note, false);
    }
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
        if (url.Protocol.equalsAscii("vnd.odfgate:") && url.Path.equalsAscii("check"))
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
    const util::URL &, const uno::Sequence<beans::PropertyValue> &args,
    const uno::Reference<frame::XDispatchResultListener> &listener)
{
    frame::DispatchResultEvent event;
    event.Source = static_cast<cppu::OWeakObject *>(this);
    event.State = frame::DispatchResultState::FAILURE;
    uno::Reference<frame::XModel> model;
    std::vector<OUString> result;
    try {
        OUString schema;
        bool insert = false, asked = false;
        for (const beans::PropertyValue &p : args) {
            if (p.Name == "Schema")
                p.Value >>= schema;
            if (p.Name == "InsertComments")
                asked = (p.Value >>= insert);
        }
        model = model_;
        if (!model.is() && frame_.is() && frame_->getController().is())
            model = frame_->getController()->getModel();
        if (!model.is())
            throw uno::RuntimeException("there is no document in this window to check");
        TempDir tmp;
        std::string copy = tmp.file("check.odt"), doc = documentPath(model),
                    schemaPath = toUtf8(schema);
        storeCopy(model, copy);
        Outcome outcome;
        if (og_lo_check(copy.c_str(), doc.empty() ? nullptr : doc.c_str(),
                        schemaPath.empty() ? nullptr : schemaPath.c_str(),
                        &outcome) != ODFGATE_OK) {
            tell(ctx_, model, "error", outcome.text());
            result.push_back(fromUtf8(outcome.message));
        } else {
            for (size_t i = 0; i < outcome.count; i++)
                result.push_back(fromUtf8(outcome.lines[i]));
            if (!asked && outcome.count)
                insert = tell(ctx_, model, "query",
                              outcome.text() + "\n\nInsert the findings as comments?",
                              true) == awt::MessageBoxResults::YES;
            else
                tell(ctx_, model, "info", outcome.text());
            if (insert)
                insertComments(model, outcome);
            event.State = frame::DispatchResultState::SUCCESS;
        }
    } catch (const uno::Exception &e) {
        std::string why = "the check could not run: " + toUtf8(e.Message);
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
