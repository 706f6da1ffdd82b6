/*
 * uno-prefs.hxx — the drafter's settings (gate.h's og_lo_prefs) in LibreOffice's
 * configuration, /org.odfgate.Settings/General (ext/Settings.xcs), and the options a check in
 * Writer runs with.  The page that edits them is Tools ▸ Options ▸ odfgate ▸ Statement check
 * (uno-prefs.cxx, org.odfgate.OptionsPageHandler).
 */
#ifndef OG_LO_UNO_PREFS_HXX
#define OG_LO_UNO_PREFS_HXX

#include <com/sun/star/uno/XComponentContext.hpp>

#include "libreoffice/gate.h"

#include <string>

namespace odfgate_lo
{

/* The settings as stored; the defaults (og_lo_prefs_default) where none can be read. */
og_lo_prefs readPrefs(const css::uno::Reference<css::uno::XComponentContext> &ctx);
/* Store them (committed at once). */
void writePrefs(const css::uno::Reference<css::uno::XComponentContext> &ctx, const og_lo_prefs &p);
/* Options for a check of an open document: the defaults, schema= schemaOption if not empty,
 * and the stored settings. */
og_lo_options draftingOptions(const css::uno::Reference<css::uno::XComponentContext> &ctx,
                              const std::string &schemaOption = std::string());

} // namespace odfgate_lo

#endif
