/* uno-docstate.cxx — see uno-docstate.hxx. */
#include "libreoffice/uno-docstate.hxx"

#include "libreoffice/uno-prefs.hxx"

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XEventListener.hpp>
#include <cppuhelper/implbase1.hxx>

#include <map>
#include <mutex>

using namespace com::sun::star;

namespace odfgate_lo
{

namespace
{

std::mutex registry_lock;
std::map<void *, std::shared_ptr<DocState>> registry;

/* a UNO object's identity is its XInterface (each interface may be a different pointer) */
void *identity(const uno::Reference<uno::XInterface> &x)
{
    return uno::Reference<uno::XInterface>(x, uno::UNO_QUERY).get();
}

/* Drops a model's state when the model goes. */
class ModelWatch : public cppu::WeakImplHelper1<lang::XEventListener>
{
  public:
    void SAL_CALL disposing(const lang::EventObject &e) override
    {
        std::lock_guard<std::mutex> hold(registry_lock);
        registry.erase(identity(e.Source));
    }
};

} // namespace

FindingsPtr findingsFrom(const og_lo_outcome &o, bool ran, const char *origin)
{
    auto f = std::make_shared<Findings>();
    f->ran = ran;
    f->origin = origin;
    if (!ran) {
        f->error = o.message ? o.message : "";
        return f;
    }
    f->summary = o.message ? o.message : "";
    f->errors = o.errors;
    f->warnings = o.warnings;
    for (size_t i = 0; i < o.count; i++) {
        Finding it;
        it.severity = o.severity[i];
        it.suppressed = o.suppressed[i] != 0;
        it.section = o.section[i] ? o.section[i] : "";
        it.rule = o.rule[i];
        it.message = o.text[i];
        it.line = o.lines[i];
        it.comment = o.comments[i];
        it.paraText = o.para_text[i] ? o.para_text[i] : "";
        it.target = o.target[i] ? o.target[i] : "";
        f->items.push_back(std::move(it));
    }
    for (size_t i = 0; i < o.signatory_count; i++) {
        f->signatories.push_back(o.signatories[i]);
        f->signatoryState.push_back(o.signatory_state[i]);
    }
    return f;
}

std::shared_ptr<DocState> DocState::of(const uno::Reference<frame::XModel> &model)
{
    {
        std::lock_guard<std::mutex> hold(registry_lock);
        auto it = registry.find(identity(model));
        if (it != registry.end())
            return it->second;
    }
    auto state = std::make_shared<DocState>();
    uno::Reference<lang::XComponent> component(model, uno::UNO_QUERY);
    if (component.is())
        component->addEventListener(new ModelWatch);
    std::lock_guard<std::mutex> hold(registry_lock);
    return registry.emplace(identity(model), state).first->second;
}

void DocState::publish(FindingsPtr f)
{
    findings_ = std::move(f);
    /* a listener may unlisten (a panel disposed while it redraws): iterate over a copy */
    auto listeners = listeners_;
    for (auto &l : listeners)
        l.second(findings_);
}

int DocState::listen(Listener l)
{
    listeners_.emplace_back(next_, std::move(l));
    return next_++;
}

void DocState::unlisten(int id)
{
    for (auto it = listeners_.begin(); it != listeners_.end(); ++it)
        if (it->first == id) {
            listeners_.erase(it);
            return;
        }
}

FindingsPtr checkModel(const uno::Reference<uno::XComponentContext> &ctx,
                       const uno::Reference<frame::XModel> &model, const std::string &schemaOption,
                       const char *origin)
{
    og_lo_options options = draftingOptions(ctx, schemaOption);
    TempDir tmp;
    std::string copy = tmp.file("check.odt"), doc = documentPath(model);
    storeCopy(model, copy);
    Outcome outcome;
    bool ran = og_lo_check(copy.c_str(), doc.empty() ? nullptr : doc.c_str(), &options, &outcome) ==
               ODFGATE_OK;
    FindingsPtr f = findingsFrom(outcome, ran, origin);
    DocState::of(model)->publish(f);
    return f;
}

} // namespace odfgate_lo
