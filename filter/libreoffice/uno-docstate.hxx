/*
 * uno-docstate.hxx — what odfgate last found in each open document, shared by the panel, the
 * menu commands, the filter and the save guard.
 *
 * Sidebar panels come and go (LibreOffice disposes them on every deck or context switch), so
 * the findings live here, one DocState per document model, dropped when the model is disposed.
 * A check (checkModel) stores a writer8 copy of the model (the text as it is in the editor,
 * never the saved file), runs gate.c over it and publishes a Findings snapshot; listeners (the
 * open panels) are called on the main thread, where every check runs.
 */
#ifndef OG_LO_UNO_DOCSTATE_HXX
#define OG_LO_UNO_DOCSTATE_HXX

#include "libreoffice/uno-util.hxx"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace odfgate_lo
{

struct Finding {
    odfgate_severity severity;
    bool suppressed;
    std::string section, rule, message, line, comment, paraText, target;
};

struct Findings {
    bool ran = false;    /* false: the check could not run (error says why) */
    std::string error;   /* why it could not run */
    std::string summary; /* gate.c's message */
    std::string origin;  /* "opened", "check", "re-check", "saved" */
    std::vector<Finding> items;
    std::vector<std::string> signatories;
    std::vector<odfgate_signatory_state> signatoryState;
    size_t errors = 0, warnings = 0;
};

using FindingsPtr = std::shared_ptr<const Findings>;

/* A snapshot of gate.c's outcome (ran == true), or of its failure. */
FindingsPtr findingsFrom(const og_lo_outcome &outcome, bool ran, const char *origin);

class DocState
{
  public:
    /* The state of `model`, created on first use (and dropped when the model is disposed). */
    static std::shared_ptr<DocState> of(const css::uno::Reference<css::frame::XModel> &model);

    FindingsPtr findings() const { return findings_; }
    void publish(FindingsPtr f);
    /* opened through the odfgate import filter: checked again whenever it is saved */
    bool openedForChecking() const { return opened_; }
    void setOpenedForChecking() { opened_ = true; }

    using Listener = std::function<void(const FindingsPtr &)>;
    int listen(Listener l);
    void unlisten(int id);
    bool hasListeners() const { return !listeners_.empty(); }

  private:
    FindingsPtr findings_;
    bool opened_ = false;
    int next_ = 1;
    std::vector<std::pair<int, Listener>> listeners_;
};

/* Check the model as it is now (a writer8 copy; the document is not changed) and publish the
 * findings in its DocState.  schemaOption: as the filter option schema= ("" = configured);
 * the drafter's settings (uno-prefs) apply. */
FindingsPtr checkModel(const css::uno::Reference<css::uno::XComponentContext> &ctx,
                       const css::uno::Reference<css::frame::XModel> &model,
                       const std::string &schemaOption, const char *origin);

} // namespace odfgate_lo

#endif
