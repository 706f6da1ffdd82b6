/*
 * uno-panel.cxx — the sidebar panel "Statement check" (Sidebar.xcu, Factories.xcu): the
 * factory org.odfgate.PanelFactory makes one StatementPanel per sidebar.
 *
 * The panel shows its document's DocState (uno-docstate.hxx): a summary line, the findings
 * grouped by severity then section (selecting one selects its place in the text: the
 * placeholder, the empty heading, where a missing section belongs), Re-check and Remove
 * comments buttons, and every signatory of the schema with where they stand (a stale sign-off
 * says which sections changed since).  It re-checks the model (never the saved file) two
 * seconds after the typing stops: a thread waits out the pause and hands the check back to
 * LibreOffice's main thread (awt::AsyncCallback), so typing is never blocked by the wait.
 * LibreOffice disposes panels on every deck or context switch: state lives in DocState, and
 * disposing() stops the thread and drops every listener.
 *
 * Controls are the toolkit's own (UnoControl* models in an UnoControlContainer), so the
 * accessibility tree and XControlContainer::getControl("findings" / "signatories" /
 * "summary" / "recheck" / "removecomments") both read them.
 */
#include "libreoffice/uno-util.hxx"

#include "libreoffice/uno-docstate.hxx"
#include "libreoffice/uno-text.hxx"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

namespace
{

const char kPanelUrl[] = "private:resource/toolpanel/OdfgatePanelFactory/StatementPanel";
constexpr std::chrono::milliseconds kTypingPause(2000);

/* Small forwarding listeners: the panel itself stays one class with one purpose. */
class OnItem : public cppu::WeakImplHelper2<awt::XItemListener, awt::XActionListener>
{
  public:
    explicit OnItem(std::function<void()> f) : f_(std::move(f)) {}
    void SAL_CALL itemStateChanged(const awt::ItemEvent &) override { f_(); }
    void SAL_CALL actionPerformed(const awt::ActionEvent &) override { f_(); }
    void SAL_CALL disposing(const lang::EventObject &) override {}

  private:
    std::function<void()> f_;
};

class OnResize : public cppu::WeakImplHelper1<awt::XWindowListener>
{
  public:
    explicit OnResize(std::function<void(const awt::Rectangle &)> f) : f_(std::move(f)) {}
    void SAL_CALL windowResized(const awt::WindowEvent &e) override
    {
        f_(awt::Rectangle(e.X, e.Y, e.Width, e.Height));
    }
    void SAL_CALL windowMoved(const awt::WindowEvent &) override {}
    void SAL_CALL windowShown(const lang::EventObject &) override {}
    void SAL_CALL windowHidden(const lang::EventObject &) override {}
    void SAL_CALL disposing(const lang::EventObject &) override {}

  private:
    std::function<void(const awt::Rectangle &)> f_;
};

class OnModified : public cppu::WeakImplHelper1<util::XModifyListener>
{
  public:
    explicit OnModified(std::function<void()> f) : f_(std::move(f)) {}
    void SAL_CALL modified(const lang::EventObject &) override { f_(); }
    void SAL_CALL disposing(const lang::EventObject &) override {}

  private:
    std::function<void()> f_;
};

/* Waits for a pause in typing on its own thread; `fire` is called (on that thread) once the
 * document has been still for kTypingPause after a change. */
class PauseTimer
{
  public:
    explicit PauseTimer(std::function<void()> fire) : fire_(std::move(fire))
    {
        thread_ = std::thread([this] { run(); });
    }
    ~PauseTimer() { stop(); }
    void touched()
    {
        std::lock_guard<std::mutex> hold(lock_);
        pending_ = true;
        last_ = std::chrono::steady_clock::now();
        wake_.notify_one();
    }
    void stop()
    {
        {
            std::lock_guard<std::mutex> hold(lock_);
            stopping_ = true;
            wake_.notify_one();
        }
        if (thread_.joinable())
            thread_.join();
    }

  private:
    void run()
    {
        std::unique_lock<std::mutex> hold(lock_);
        while (!stopping_) {
            if (!pending_) {
                wake_.wait(hold);
                continue;
            }
            auto due = last_ + kTypingPause;
            if (wake_.wait_until(hold, due) == std::cv_status::timeout && !stopping_ &&
                std::chrono::steady_clock::now() >= last_ + kTypingPause) {
                pending_ = false;
                hold.unlock();
                fire_();
                hold.lock();
            }
        }
    }
    std::function<void()> fire_;
    std::mutex lock_;
    std::condition_variable wake_;
    bool pending_ = false, stopping_ = false;
    std::chrono::steady_clock::time_point last_;
    std::thread thread_;
};

uno::Reference<awt::XControl> makeControl(const uno::Reference<uno::XComponentContext> &ctx,
                                          const char *kind)
{
    auto smgr = ctx->getServiceManager();
    uno::Reference<awt::XControl> control(
        smgr->createInstanceWithContext(
            "com.sun.star.awt.UnoControl" + OUString::createFromAscii(kind), ctx),
        uno::UNO_QUERY_THROW);
    uno::Reference<awt::XControlModel> model(
        smgr->createInstanceWithContext(
            "com.sun.star.awt.UnoControl" + OUString::createFromAscii(kind) + "Model", ctx),
        uno::UNO_QUERY_THROW);
    control->setModel(model);
    return control;
}

void setProp(const uno::Reference<awt::XControl> &c, const char *name, const uno::Any &v)
{
    uno::Reference<beans::XPropertySet>(c->getModel(), uno::UNO_QUERY_THROW)
        ->setPropertyValue(OUString::createFromAscii(name), v);
}

const char *signatoryMark(odfgate_signatory_state s)
{
    switch (s) {
    case ODFGATE_SIGNATORY_APPROVED: return "\u2713 ";
    case ODFGATE_SIGNATORY_MISSING: return "\u25cb ";
    case ODFGATE_SIGNATORY_STALE: return "\u26a0 STALE ";
    default: return "\u2717 ";
    }
}

class StatementPanel
    : private cppu::BaseMutex,
      public cppu::WeakComponentImplHelper3<ui::XUIElement, ui::XToolPanel, ui::XSidebarPanel>
{
  public:
    StatementPanel(const uno::Reference<uno::XComponentContext> &ctx,
                   const uno::Reference<frame::XFrame> &frame,
                   const uno::Reference<frame::XModel> &model,
                   const uno::Reference<awt::XWindow> &parent,
                   const uno::Reference<ui::XSidebar> &sidebar);
    /* builds the window and starts listening; called once the panel is referenced (a weak
     * reference taken in the constructor would delete the object) */
    void init();

    /* XUIElement */
    uno::Reference<frame::XFrame> SAL_CALL getFrame() override { return frame_; }
    OUString SAL_CALL getResourceURL() override { return OUString::createFromAscii(kPanelUrl); }
    sal_Int16 SAL_CALL getType() override { return ui::UIElementType::TOOLPANEL; }
    uno::Reference<uno::XInterface> SAL_CALL getRealInterface() override
    {
        return static_cast<ui::XToolPanel *>(this);
    }
    /* XToolPanel */
    uno::Reference<awt::XWindow> SAL_CALL getWindow() override
    {
        return uno::Reference<awt::XWindow>(container_, uno::UNO_QUERY);
    }
    uno::Reference<accessibility::XAccessible>
        SAL_CALL createAccessible(const uno::Reference<accessibility::XAccessible> &) override
    {
        return container_.is() ? uno::Reference<accessibility::XAccessible>(container_->getPeer(),
                                                                            uno::UNO_QUERY)
                               : nullptr; /* disposed */
    }
    /* XSidebarPanel */
    ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override
    {
        return ui::LayoutSize(320, -1, 520);
    }
    sal_Int32 SAL_CALL getMinimalWidth() override { return 240; }

  private:
    void SAL_CALL disposing() override;
    void show(const FindingsPtr &f);
    void layout(sal_Int32 w, sal_Int32 h);
    void jump();
    void recheck(const char *origin);
    void removeComments();

    uno::Reference<uno::XComponentContext> ctx_;
    uno::Reference<frame::XFrame> frame_;
    uno::Reference<frame::XModel> model_;
    uno::Reference<awt::XWindow> parent_;
    uno::Reference<ui::XSidebar> sidebar_;
    uno::Reference<awt::XControl> container_;
    uno::Reference<awt::XControl> summary_, findings_, recheck_, remove_, signLabel_, signatories_;
    uno::Reference<awt::XWindowListener> onResize_;
    uno::Reference<util::XModifyListener> onModified_;
    uno::Reference<awt::XItemListener> onSelect_;
    uno::Reference<awt::XActionListener> onRecheck_, onRemove_;
    std::shared_ptr<DocState> state_;
    int listenId_ = 0;
    std::vector<int> itemFinding_; /* list entry → finding index, -1 for a group heading */
    FindingsPtr shown_;
    std::unique_ptr<PauseTimer> pause_;
};

StatementPanel::StatementPanel(const uno::Reference<uno::XComponentContext> &ctx,
                               const uno::Reference<frame::XFrame> &frame,
                               const uno::Reference<frame::XModel> &model,
                               const uno::Reference<awt::XWindow> &parent,
                               const uno::Reference<ui::XSidebar> &sidebar)
    : WeakComponentImplHelper3(m_aMutex), ctx_(ctx), frame_(frame), model_(model), parent_(parent),
      sidebar_(sidebar)
{
}

void StatementPanel::init()
{
    container_ = makeControl(ctx_, "Container");
    uno::Reference<awt::XWindowPeer> parentPeer(parent_, uno::UNO_QUERY_THROW);
    container_->createPeer(
        uno::Reference<awt::XToolkit>(awt::Toolkit::create(ctx_), uno::UNO_QUERY_THROW),
        parentPeer);
    uno::Reference<awt::XControlContainer> cc(container_, uno::UNO_QUERY_THROW);
    summary_ = makeControl(ctx_, "FixedText");
    setProp(summary_, "MultiLine", uno::Any(true));
    findings_ = makeControl(ctx_, "ListBox");
    setProp(findings_, "Border", uno::Any(sal_Int16(1)));
    recheck_ = makeControl(ctx_, "Button");
    setProp(recheck_, "Label", uno::Any(OUString("Re-check")));
    remove_ = makeControl(ctx_, "Button");
    setProp(remove_, "Label", uno::Any(OUString("Remove comments")));
    signLabel_ = makeControl(ctx_, "FixedText");
    setProp(signLabel_, "Label", uno::Any(OUString("Sign-off")));
    signatories_ = makeControl(ctx_, "ListBox");
    setProp(signatories_, "Border", uno::Any(sal_Int16(1)));
    cc->addControl("summary", summary_);
    cc->addControl("findings", findings_);
    cc->addControl("recheck", recheck_);
    cc->addControl("removecomments", remove_);
    cc->addControl("signofflabel", signLabel_);
    cc->addControl("signatories", signatories_);

    /* listeners hold the panel weakly: a late event after dispose does nothing */
    uno::WeakReference<ui::XUIElement> weak(static_cast<ui::XUIElement *>(this));
    auto alive = [weak]() { return uno::Reference<ui::XUIElement>(weak).is(); };
    onSelect_ = new OnItem([this, alive] {
        if (alive())
            jump();
    });
    uno::Reference<awt::XListBox>(findings_, uno::UNO_QUERY_THROW)->addItemListener(onSelect_);
    onRecheck_ = new OnItem([this, alive] {
        if (alive())
            recheck("re-check");
    });
    uno::Reference<awt::XButton>(recheck_, uno::UNO_QUERY_THROW)->addActionListener(onRecheck_);
    onRemove_ = new OnItem([this, alive] {
        if (alive())
            removeComments();
    });
    uno::Reference<awt::XButton>(remove_, uno::UNO_QUERY_THROW)->addActionListener(onRemove_);
    onResize_ = new OnResize([this, alive](const awt::Rectangle &r) {
        if (alive())
            layout(r.Width, r.Height);
    });
    parent_->addWindowListener(onResize_);

    state_ = DocState::of(model_);
    listenId_ = state_->listen([this](const FindingsPtr &f) { show(f); });

    /* a pause in typing: the timer's thread posts the re-check to the main thread */
    uno::Reference<uno::XComponentContext> ctx = ctx_;
    pause_.reset(new PauseTimer([ctx, this, alive] {
        try {
            runLater(ctx, [this, alive] {
                if (alive())
                    recheck("re-check");
            });
        } catch (const uno::Exception &) {
        }
    }));
    onModified_ = new OnModified([this] { pause_->touched(); });
    uno::Reference<util::XModifyBroadcaster> mb(model_, uno::UNO_QUERY);
    if (mb.is())
        mb->addModifyListener(onModified_);

    awt::Rectangle r = parent_->getPosSize();
    uno::Reference<awt::XWindow>(container_, uno::UNO_QUERY_THROW)
        ->setPosSize(0, 0, r.Width, r.Height, awt::PosSize::POSSIZE);
    uno::Reference<awt::XWindow>(container_, uno::UNO_QUERY_THROW)->setVisible(true);
    layout(r.Width, r.Height);
    if (state_->findings())
        show(state_->findings());
    else
        recheck("check"); /* first look: the document as it is */
}

void StatementPanel::disposing()
{
    if (pause_)
        pause_->stop();
    if (state_)
        state_->unlisten(listenId_);
    try {
        uno::Reference<util::XModifyBroadcaster> mb(model_, uno::UNO_QUERY);
        if (mb.is())
            mb->removeModifyListener(onModified_);
        if (parent_.is())
            parent_->removeWindowListener(onResize_);
        uno::Reference<lang::XComponent> c(container_, uno::UNO_QUERY);
        if (c.is())
            c->dispose();
    } catch (const uno::Exception &) {
        /* the document or the window went first */
    }
    container_.clear();
    model_.clear();
}

void StatementPanel::layout(sal_Int32 w, sal_Int32 h)
{
    if (!container_.is() || w <= 0 || h <= 0)
        return;
    const sal_Int32 m = 6, line = 24, bw = (w - 3 * m) / 2;
    auto place = [](const uno::Reference<awt::XControl> &c, sal_Int32 x, sal_Int32 y, sal_Int32 cw,
                    sal_Int32 ch) {
        uno::Reference<awt::XWindow>(c, uno::UNO_QUERY_THROW)
            ->setPosSize(x, y, std::max<sal_Int32>(cw, 10), std::max<sal_Int32>(ch, 10),
                         awt::PosSize::POSSIZE);
    };
    uno::Reference<awt::XWindow>(container_, uno::UNO_QUERY_THROW)
        ->setPosSize(0, 0, w, h, awt::PosSize::SIZE);
    sal_Int32 y = m;
    place(summary_, m, y, w - 2 * m, 2 * line);
    y += 2 * line + m;
    sal_Int32 listH = std::max<sal_Int32>((h - y - 2 * line - 5 * m) * 3 / 5, 3 * line);
    place(findings_, m, y, w - 2 * m, listH);
    y += listH + m;
    place(recheck_, m, y, bw, line + 4);
    place(remove_, 2 * m + bw, y, bw, line + 4);
    y += line + 4 + m;
    place(signLabel_, m, y, w - 2 * m, line);
    y += line;
    place(signatories_, m, y, w - 2 * m, std::max<sal_Int32>(h - y - m, 2 * line));
}

void StatementPanel::show(const FindingsPtr &f)
{
    if (!container_.is() || !f)
        return;
    shown_ = f;
    std::vector<OUString> items;
    itemFinding_.clear();
    std::string head;
    if (!f->ran) {
        head = "The check could not run: " + f->error;
    } else {
        head = std::to_string(f->errors) + (f->errors == 1 ? " error, " : " errors, ") +
               std::to_string(f->warnings) + (f->warnings == 1 ? " warning" : " warnings") + " (" +
               f->origin + ")";
        /* grouped: errors, warnings, information, then what is waived or in a baseline; in
         * each group by section in document order */
        static const struct {
            odfgate_severity sev;
            bool suppressed;
            const char *title;
        } groups[] = {{ODFGATE_SEV_ERROR, false, "Errors"},
                      {ODFGATE_SEV_WARNING, false, "Warnings"},
                      {ODFGATE_SEV_INFO, false, "Information"},
                      {ODFGATE_SEV_OFF, true, "Waived or in the baseline"}};
        for (const auto &g : groups) {
            std::vector<size_t> in;
            for (size_t i = 0; i < f->items.size(); i++)
                if (f->items[i].suppressed == g.suppressed &&
                    (g.suppressed || f->items[i].severity == g.sev))
                    in.push_back(i);
            if (in.empty())
                continue;
            items.push_back(
                fromUtf8((std::string(g.title) + " (" + std::to_string(in.size()) + ")").c_str()));
            itemFinding_.push_back(-1);
            std::vector<std::string> sections;
            for (size_t i : in)
                if (std::find(sections.begin(), sections.end(), f->items[i].section) ==
                    sections.end())
                    sections.push_back(f->items[i].section);
            for (const std::string &sec : sections)
                for (size_t i : in)
                    if (f->items[i].section == sec) {
                        const Finding &it = f->items[i];
                        std::string text = "    " + (sec.empty() ? std::string("document") : sec) +
                                           " \u2014 " + it.message + " (" + it.rule + ")";
                        items.push_back(fromUtf8(text.c_str()));
                        itemFinding_.push_back(static_cast<int>(i));
                    }
        }
        if (f->items.empty()) {
            items.push_back("No findings: the statement passes.");
            itemFinding_.push_back(-1);
        }
    }
    setProp(summary_, "Label", uno::Any(fromUtf8(head.c_str())));
    setProp(findings_, "StringItemList",
            uno::Any(uno::Sequence<OUString>(items.data(), static_cast<sal_Int32>(items.size()))));
    std::vector<OUString> sigs;
    for (size_t i = 0; i < f->signatories.size(); i++)
        sigs.push_back(fromUtf8(
            (std::string(signatoryMark(f->signatoryState[i])) + f->signatories[i]).c_str()));
    if (sigs.empty())
        sigs.push_back("The schema names no signatories.");
    setProp(signatories_, "StringItemList",
            uno::Any(uno::Sequence<OUString>(sigs.data(), static_cast<sal_Int32>(sigs.size()))));
    if (sidebar_.is())
        sidebar_->requestLayout();
}

void StatementPanel::jump()
{
    sal_Int16 pos =
        uno::Reference<awt::XListBox>(findings_, uno::UNO_QUERY_THROW)->getSelectedItemPos();
    if (!shown_ || pos < 0 || static_cast<size_t>(pos) >= itemFinding_.size() ||
        itemFinding_[pos] < 0)
        return;
    try {
        selectFinding(model_, *shown_, static_cast<size_t>(itemFinding_[pos]));
        /* the person types over the selection next: the document gets the focus */
        if (frame_.is() && frame_->getComponentWindow().is())
            frame_->getComponentWindow()->setFocus();
    } catch (const uno::Exception &e) {
        std::fprintf(stderr, "odfgate: cannot go to the finding: %s\n", toUtf8(e.Message).c_str());
    }
}

void StatementPanel::recheck(const char *origin)
{
    if (!model_.is())
        return;
    try {
        checkModel(ctx_, model_, std::string(), origin);
    } catch (const uno::Exception &e) {
        std::fprintf(stderr, "odfgate: the check could not run: %s\n", toUtf8(e.Message).c_str());
    }
}

void StatementPanel::removeComments()
{
    try {
        removeOurComments(model_, "Statement check: remove the comments");
    } catch (const uno::Exception &e) {
        std::fprintf(stderr, "odfgate: %s\n", toUtf8(e.Message).c_str());
    }
}

class PanelFactory : public cppu::WeakImplHelper2<ui::XUIElementFactory, lang::XServiceInfo>
{
  public:
    explicit PanelFactory(const uno::Reference<uno::XComponentContext> &ctx) : ctx_(ctx) {}

    uno::Reference<ui::XUIElement> SAL_CALL
    createUIElement(const OUString &url, const uno::Sequence<beans::PropertyValue> &args) override
    {
        if (!url.startsWith(OUString::createFromAscii(kPanelUrl)))
            throw container::NoSuchElementException("odfgate: no panel " + url);
        uno::Reference<frame::XFrame> frame;
        uno::Reference<awt::XWindow> parent;
        uno::Reference<frame::XController> controller;
        uno::Reference<ui::XSidebar> sidebar;
        for (const beans::PropertyValue &p : args) {
            if (p.Name == "Frame")
                p.Value >>= frame;
            else if (p.Name == "ParentWindow")
                p.Value >>= parent;
            else if (p.Name == "Controller")
                p.Value >>= controller;
            else if (p.Name == "Sidebar")
                p.Value >>= sidebar;
        }
        if (!controller.is() && frame.is())
            controller = frame->getController();
        if (!parent.is() || !controller.is() || !controller->getModel().is())
            throw lang::IllegalArgumentException(
                "odfgate: the panel needs a ParentWindow and a document (Frame or Controller)",
                static_cast<cppu::OWeakObject *>(this), 1);
        rtl::Reference<StatementPanel> panel =
            new StatementPanel(ctx_, frame, controller->getModel(), parent, sidebar);
        panel->init();
        return panel.get();
    }

    OUString SAL_CALL getImplementationName() override { return implementationName(); }
    sal_Bool SAL_CALL supportsService(const OUString &name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return serviceNames(); }
    static OUString implementationName() { return "org.odfgate.PanelFactory"; }
    static uno::Sequence<OUString> serviceNames()
    {
        OUString name("org.odfgate.PanelFactory");
        return uno::Sequence<OUString>(&name, 1);
    }

  private:
    uno::Reference<uno::XComponentContext> ctx_;
};

} // namespace

uno::Reference<uno::XInterface>
createPanelFactory(const uno::Reference<uno::XComponentContext> &ctx)
{
    return static_cast<cppu::OWeakObject *>(new PanelFactory(ctx));
}
OUString panelFactoryImplementationName() { return PanelFactory::implementationName(); }
uno::Sequence<OUString> panelFactoryServiceNames() { return PanelFactory::serviceNames(); }

} // namespace odfgate_lo
