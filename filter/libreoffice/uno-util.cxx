/* uno-util.cxx — see uno-util.hxx. */
#include "libreoffice/uno-util.hxx"

#include "libreoffice/gate.h"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <cppuhelper/implbase1.hxx>
#include <osl/file.hxx>

#include <cstdio>
#include <cstring>
#include <stdexcept>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

std::string toUtf8(const OUString &s)
{
    rtl::OString o = rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), o.getLength());
}

OUString fromUtf8(const char *s)
{
    return s ? OUString(s, std::strlen(s), RTL_TEXTENCODING_UTF8) : OUString();
}

uno::Reference<uno::XInterface> configNode(const uno::Reference<uno::XComponentContext> &ctx,
                                           const char *path, bool update)
{
    uno::Sequence<uno::Any> args(1);
    args[0] <<= beans::NamedValue("nodepath", uno::Any(OUString::createFromAscii(path)));
    return configuration::theDefaultProvider::get(ctx)->createInstanceWithArguments(
        update ? OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
               : OUString("com.sun.star.configuration.ConfigurationAccess"),
        args);
}

std::string urlToPath(const OUString &url)
{
    OUString path;
    if (!url.startsWithIgnoreAsciiCase("file:") ||
        osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        return std::string();
    return toUtf8(path);
}

OUString pathToUrl(const std::string &path)
{
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(fromUtf8(path.c_str()), url);
    return url;
}

/* main thread only (LibreOffice stores documents there) */
static int storing_copy;

bool storingCopy() { return storing_copy > 0; }

void storeCopy(const uno::Reference<frame::XModel> &model, const std::string &path)
{
    struct Mark {
        Mark() { storing_copy++; }
        ~Mark() { storing_copy--; }
    } mark;
    uno::Reference<frame::XStorable> storable(model, uno::UNO_QUERY_THROW);
    uno::Sequence<beans::PropertyValue> args(2);
    args[0].Name = "FilterName";
    args[0].Value <<= OUString("writer8");
    args[1].Name = "Overwrite";
    args[1].Value <<= true;
    storable->storeToURL(pathToUrl(path), args);
}

namespace
{
class Later : public cppu::WeakImplHelper1<awt::XCallback>
{
  public:
    explicit Later(std::function<void()> f) : f_(std::move(f)) {}
    void SAL_CALL notify(const uno::Any &) override { f_(); }

  private:
    std::function<void()> f_;
};
} // namespace

void runLater(const uno::Reference<uno::XComponentContext> &ctx, std::function<void()> f)
{
    awt::AsyncCallback::create(ctx)->addCallback(new Later(std::move(f)), uno::Any());
}

std::string documentPath(const uno::Reference<frame::XModel> &model)
{
    return model.is() ? urlToPath(model->getURL()) : std::string();
}

static uno::Reference<awt::XWindowPeer> windowOf(const uno::Reference<frame::XModel> &model)
{
    if (!model.is())
        return nullptr;
    uno::Reference<frame::XController> controller = model->getCurrentController();
    if (!controller.is() || !controller->getFrame().is())
        return nullptr;
    uno::Reference<awt::XWindow> window = controller->getFrame()->getContainerWindow();
    return uno::Reference<awt::XWindowPeer>(window, uno::UNO_QUERY);
}

/* The active frame's window, when the office has one that is visible (not headless). */
static uno::Reference<awt::XWindowPeer>
activeWindow(const uno::Reference<uno::XComponentContext> &ctx)
{
    uno::Reference<frame::XFrame> f = frame::Desktop::create(ctx)->getActiveFrame();
    if (!f.is() || !f->getContainerWindow().is())
        return nullptr;
    uno::Reference<awt::XWindow2> w(f->getContainerWindow(), uno::UNO_QUERY);
    if (!w.is() || !w->isVisible())
        return nullptr;
    return uno::Reference<awt::XWindowPeer>(w, uno::UNO_QUERY);
}

short tell(const uno::Reference<uno::XComponentContext> &ctx,
           const uno::Reference<frame::XModel> &model, const char *kind, const std::string &text,
           bool ask_yes_no, bool over_active)
{
    std::fprintf(stderr, "odfgate: %s\n", text.c_str());
    std::fflush(stderr);
    try {
        uno::Reference<awt::XWindowPeer> parent =
            !model.is() && over_active ? activeWindow(ctx) : windowOf(model);
        if (!parent.is())
            return 0;
        uno::Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(ctx),
                                                        uno::UNO_QUERY_THROW);
        awt::MessageBoxType type = std::string(kind) == "error"     ? awt::MessageBoxType_ERRORBOX
                                   : std::string(kind) == "warning" ? awt::MessageBoxType_WARNINGBOX
                                   : ask_yes_no                     ? awt::MessageBoxType_QUERYBOX
                                                                    : awt::MessageBoxType_INFOBOX;
        sal_Int32 buttons = ask_yes_no ? awt::MessageBoxButtons::BUTTONS_YES_NO
                                       : awt::MessageBoxButtons::BUTTONS_OK;
        uno::Reference<awt::XMessageBox> box =
            factory->createMessageBox(parent, type, buttons, "odfgate", fromUtf8(text.c_str()));
        return box.is() ? box->execute() : 0;
    } catch (const uno::Exception &) {
        return 0; /* the message is in the log already */
    }
}

TempDir::TempDir()
{
    char dir[4096];
    if (og_lo_tempdir(dir, sizeof(dir)) < 0)
        throw uno::RuntimeException("odfgate: cannot create a temporary folder (TMPDIR)");
    dir_ = dir;
}

TempDir::~TempDir() { og_lo_tempdir_remove(dir_.c_str()); }

} // namespace odfgate_lo
