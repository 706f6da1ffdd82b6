/* uno-component.cxx — the component's entry points: the implementations it provides
 * (org.odfgate.Filter, org.odfgate.CheckHandler, org.odfgate.SaveGuard,
 * org.odfgate.PanelFactory, org.odfgate.FilterOptionsDialog, org.odfgate.OptionsPageHandler),
 * as listed in
 * odfgate.components. */
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>
#include <uno/environment.h>
#include <uno/lbnames.h>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{
uno::Reference<uno::XInterface> createFilter(const uno::Reference<uno::XComponentContext> &ctx);
OUString filterImplementationName();
uno::Sequence<OUString> filterServiceNames();
uno::Reference<uno::XInterface>
createCheckHandler(const uno::Reference<uno::XComponentContext> &ctx);
OUString checkHandlerImplementationName();
uno::Sequence<OUString> checkHandlerServiceNames();
uno::Reference<uno::XInterface> createSaveGuard(const uno::Reference<uno::XComponentContext> &ctx);
OUString saveGuardImplementationName();
uno::Sequence<OUString> saveGuardServiceNames();
uno::Reference<uno::XInterface>
createPanelFactory(const uno::Reference<uno::XComponentContext> &ctx);
OUString panelFactoryImplementationName();
uno::Sequence<OUString> panelFactoryServiceNames();
uno::Reference<uno::XInterface>
createFilterOptionsDialog(const uno::Reference<uno::XComponentContext> &ctx);
OUString filterOptionsDialogImplementationName();
uno::Sequence<OUString> filterOptionsDialogServiceNames();
uno::Reference<uno::XInterface>
createOptionsPageHandler(const uno::Reference<uno::XComponentContext> &ctx);
OUString optionsPageHandlerImplementationName();
uno::Sequence<OUString> optionsPageHandlerServiceNames();
} // namespace odfgate_lo

namespace
{
const cppu::ImplementationEntry entries[] = {
    {odfgate_lo::createFilter, odfgate_lo::filterImplementationName, odfgate_lo::filterServiceNames,
     cppu::createSingleComponentFactory, nullptr, 0},
    {odfgate_lo::createCheckHandler, odfgate_lo::checkHandlerImplementationName,
     odfgate_lo::checkHandlerServiceNames, cppu::createSingleComponentFactory, nullptr, 0},
    {odfgate_lo::createSaveGuard, odfgate_lo::saveGuardImplementationName,
     odfgate_lo::saveGuardServiceNames, cppu::createSingleComponentFactory, nullptr, 0},
    {odfgate_lo::createPanelFactory, odfgate_lo::panelFactoryImplementationName,
     odfgate_lo::panelFactoryServiceNames, cppu::createSingleComponentFactory, nullptr, 0},
    {odfgate_lo::createFilterOptionsDialog, odfgate_lo::filterOptionsDialogImplementationName,
     odfgate_lo::filterOptionsDialogServiceNames, cppu::createSingleComponentFactory, nullptr, 0},
    {odfgate_lo::createOptionsPageHandler, odfgate_lo::optionsPageHandlerImplementationName,
     odfgate_lo::optionsPageHandlerServiceNames, cppu::createSingleComponentFactory, nullptr, 0},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0}};
}

extern "C" SAL_DLLPUBLIC_EXPORT void *component_getFactory(const char *name, void *serviceManager,
                                                           void *registryKey)
{
    return cppu::component_getFactoryHelper(name, serviceManager, registryKey, entries);
}

extern "C" SAL_DLLPUBLIC_EXPORT void
component_getImplementationEnvironment(const char **envTypeName, uno_Environment **)
{
    *envTypeName = CPPU_CURRENT_LANGUAGE_BINDING_NAME;
}
