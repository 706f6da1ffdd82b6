/*
 * uno-prefs.cxx — see uno-prefs.hxx; and the Tools ▸ Options page (ext/OptionsDialog.xcu,
 * ext/dialogs/OptionsPage.xdl): LibreOffice makes the page's window from the .xdl and creates
 * org.odfgate.OptionsPageHandler (no arguments), then calls it with "external_event" and
 * "initialize" (fill the page), "ok" (store) or "back" (Reset: fill it again).  A schema that
 * does not load is refused when OK is pressed, with the reason, the stored one kept: a typo
 * would otherwise fail every check after.
 */
#include "libreoffice/uno-prefs.hxx"

#include "libreoffice/uno-util.hxx"

#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <cstring>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

uno::Sequence<OUString> optionsPageHandlerServiceNames();

namespace
{

const char *const kNode = "/org.odfgate.Settings/General";
/* the page's failure-level list, in its order: the stored value is the severity's name */
const char *const kLevels[] = {"error", "warning", "info", "off"};

/* The page's control `name` (its model's properties). */
uno::Reference<beans::XPropertySet> control(const uno::Reference<awt::XWindow> &page,
                                            const char *name)
{
    uno::Reference<awt::XControlContainer> c(page, uno::UNO_QUERY_THROW);
    uno::Reference<awt::XControl> ctl = c->getControl(OUString::createFromAscii(name));
    if (!ctl.is())
        throw uno::RuntimeException("the options page has no control " +
                                    OUString::createFromAscii(name));
    return uno::Reference<beans::XPropertySet>(ctl->getModel(), uno::UNO_QUERY_THROW);
}

int levelIndex(int fail_on)
{
    for (size_t i = 0; i < sizeof(kLevels) / sizeof(*kLevels); i++)
        if (odfgate_severity_parse(kLevels[i]) == fail_on)
            return static_cast<int>(i);
    return 0; /* not set: error */
}

class OptionsPageHandler
    : public cppu::WeakImplHelper2<awt::XContainerWindowEventHandler, lang::XServiceInfo>
{
  public:
    explicit OptionsPageHandler(const uno::Reference<uno::XComponentContext> &ctx) : ctx_(ctx) {}

    sal_Bool SAL_CALL callHandlerMethod(const uno::Reference<awt::XWindow> &page,
                                        const uno::Any &event, const OUString &method) override
    {
        OUString action;
        if (method != "external_event" || !(event >>= action))
            return false;
        if (action == "initialize" || action == "back")
            show(page, readPrefs(ctx_));
        else if (action == "ok")
            store(page);
        else
            return false;
        return true;
    }
    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        OUString name("external_event");
        return uno::Sequence<OUString>(&name, 1);
    }
    OUString SAL_CALL getImplementationName() override { return "org.odfgate.OptionsPageHandler"; }
    sal_Bool SAL_CALL supportsService(const OUString &name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        return optionsPageHandlerServiceNames();
    }

  private:
    void show(const uno::Reference<awt::XWindow> &page, const og_lo_prefs &p)
    {
        control(page, "Schema")->setPropertyValue("Text", uno::Any(fromUtf8(p.schema)));
        control(page, "StrictOnSave")
            ->setPropertyValue("State", uno::Any(static_cast<sal_Int16>(p.strict_on_save)));
        sal_Int16 level = static_cast<sal_Int16>(levelIndex(p.fail_on));
        uno::Sequence<sal_Int16> sel(&level, 1);
        control(page, "FailOn")->setPropertyValue("SelectedItems", uno::Any(sel));
        control(page, "SignoffWarnings")
            ->setPropertyValue("State", uno::Any(static_cast<sal_Int16>(p.signoff_warnings)));
    }

    void store(const uno::Reference<awt::XWindow> &page)
    {
        og_lo_prefs p = readPrefs(ctx_);
        OUString schema;
        sal_Int16 strict = 0, warnings = 1;
        uno::Sequence<sal_Int16> sel;
        control(page, "Schema")->getPropertyValue("Text") >>= schema;
        control(page, "StrictOnSave")->getPropertyValue("State") >>= strict;
        control(page, "FailOn")->getPropertyValue("SelectedItems") >>= sel;
        control(page, "SignoffWarnings")->getPropertyValue("State") >>= warnings;
        p.strict_on_save = strict == 1;
        p.signoff_warnings = warnings == 1;
        if (sel.getLength() == 1 && sel[0] >= 0 &&
            static_cast<size_t>(sel[0]) < sizeof(kLevels) / sizeof(*kLevels))
            p.fail_on = odfgate_severity_parse(kLevels[sel[0]]);
        char msg[1024];
        std::string typed = toUtf8(schema);
        if (typed != p.schema && og_lo_prefs_set_schema(&p, typed.c_str(), msg, sizeof(msg)) < 0)
            tell(ctx_, nullptr, "error",
                 std::string(msg) + "\nThe schema stays " +
                     (p.schema[0] ? p.schema : "the built-in one") +
                     "; the other settings are saved.",
                 false, true);
        writePrefs(ctx_, p);
    }

    uno::Reference<uno::XComponentContext> ctx_;
};

} // namespace

og_lo_prefs readPrefs(const uno::Reference<uno::XComponentContext> &ctx)
{
    og_lo_prefs p;
    og_lo_prefs_default(&p);
    try {
        uno::Reference<container::XNameAccess> s(configNode(ctx, kNode), uno::UNO_QUERY_THROW);
        OUString schema, level;
        bool strict = false, warnings = true;
        s->getByName("Schema") >>= schema;
        s->getByName("StrictOnSave") >>= strict;
        s->getByName("FailOn") >>= level;
        s->getByName("SignoffWarnings") >>= warnings;
        std::string text = toUtf8(schema), name = toUtf8(level);
        if (text.size() < sizeof(p.schema))
            std::memcpy(p.schema, text.c_str(), text.size() + 1);
        p.strict_on_save = strict;
        p.fail_on = name.empty() ? -1 : odfgate_severity_parse(name.c_str());
        p.signoff_warnings = warnings;
    } catch (const uno::Exception &) {
        og_lo_prefs_default(&p); /* no settings (an older profile): the defaults */
    }
    return p;
}

void writePrefs(const uno::Reference<uno::XComponentContext> &ctx, const og_lo_prefs &p)
{
    uno::Reference<uno::XInterface> access = configNode(ctx, kNode, true);
    uno::Reference<container::XNameReplace> s(access, uno::UNO_QUERY_THROW);
    s->replaceByName("Schema", uno::Any(fromUtf8(p.schema)));
    s->replaceByName("StrictOnSave", uno::Any(static_cast<bool>(p.strict_on_save)));
    s->replaceByName("FailOn",
                     uno::Any(p.fail_on < 0 ? OUString()
                                            : OUString::createFromAscii(odfgate_severity_name(
                                                  static_cast<odfgate_severity>(p.fail_on)))));
    s->replaceByName("SignoffWarnings", uno::Any(static_cast<bool>(p.signoff_warnings)));
    uno::Reference<util::XChangesBatch>(access, uno::UNO_QUERY_THROW)->commitChanges();
}

og_lo_options draftingOptions(const uno::Reference<uno::XComponentContext> &ctx,
                              const std::string &schemaOption)
{
    og_lo_options o;
    char msg[512];
    og_lo_parse_options(nullptr, &o, msg, sizeof(msg));
    if (schemaOption.size() < sizeof(o.schema))
        std::memcpy(o.schema, schemaOption.c_str(), schemaOption.size() + 1);
    o.prefs = readPrefs(ctx);
    return o;
}

uno::Reference<uno::XInterface>
createOptionsPageHandler(const uno::Reference<uno::XComponentContext> &ctx)
{
    return static_cast<cppu::OWeakObject *>(new OptionsPageHandler(ctx));
}
OUString optionsPageHandlerImplementationName() { return "org.odfgate.OptionsPageHandler"; }
uno::Sequence<OUString> optionsPageHandlerServiceNames()
{
    OUString name("org.odfgate.OptionsPageHandler");
    return uno::Sequence<OUString>(&name, 1);
}

} // namespace odfgate_lo
