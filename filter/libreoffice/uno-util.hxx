/*
 * uno-util.hxx — small UNO helpers shared by the filter and the menu command: file URLs and
 * paths, a writer8 copy of an open document, telling the person (message box when there is a
 * window, standard error always).  No odfgate logic here: that is gate.c.
 */
#ifndef OG_LO_UNO_UTIL_HXX
#define OG_LO_UNO_UTIL_HXX

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include "libreoffice/gate.h"

#include <functional>
#include <string>

namespace odfgate_lo
{
namespace css = com::sun::star;

std::string toUtf8(const rtl::OUString &s);
rtl::OUString fromUtf8(const char *s);
/* file URL → system path ("" if not a file URL) and back */
std::string urlToPath(const rtl::OUString &url);
rtl::OUString pathToUrl(const std::string &path);

/* Store a copy of `model` to `path` with the writer8 filter (the document is not changed). */
void storeCopy(const css::uno::Reference<css::frame::XModel> &model, const std::string &path);
/* True while storeCopy runs: the save guard leaves odfgate's own copies alone. */
bool storingCopy();

/* Run f on LibreOffice's main thread once the current work (a save, an event) is done: posted
 * through awt::AsyncCallback.  Safe to call from any thread. */
void runLater(const css::uno::Reference<css::uno::XComponentContext> &ctx, std::function<void()> f);

/* LibreOffice's configuration node at `path` (e.g. "/org.odfgate.Settings/General"): read
 * (an XNameAccess) or, with update, writable (XNameReplace, XChangesBatch to commit). */
css::uno::Reference<css::uno::XInterface>
configNode(const css::uno::Reference<css::uno::XComponentContext> &ctx, const char *path,
           bool update = false);

/* The document's own file, "" if it has none (unsaved, or not a file URL). */
std::string documentPath(const css::uno::Reference<css::frame::XModel> &model);

/* Write "odfgate: <text>" to standard error, and show a message box if the model has a
 * visible window (or, with over_active, when there is no model: over the office's active
 * window, if there is one).  kind: "error", "warning" or "info".  Returns the box's result (0
 * if none). */
short tell(const css::uno::Reference<css::uno::XComponentContext> &ctx,
           const css::uno::Reference<css::frame::XModel> &model, const char *kind,
           const std::string &text, bool ask_yes_no = false, bool over_active = false);

/* gate.c's outcome, released with the object. */
struct Outcome : og_lo_outcome {
    Outcome() : og_lo_outcome() {}
    ~Outcome() { og_lo_outcome_free(this); }
    Outcome(const Outcome &) = delete;
    Outcome &operator=(const Outcome &) = delete;
    std::string text() const { return message ? message : ""; }
};

/* A temporary directory removed when the object goes (gate.c). */
class TempDir
{
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    std::string file(const char *name) const { return dir_ + "/" + name; }

  private:
    std::string dir_;
};

} // namespace odfgate_lo

#endif
