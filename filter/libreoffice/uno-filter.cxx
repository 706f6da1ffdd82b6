/*
 * uno-filter.cxx — the odfgate import/export filter (implementation org.odfgate.Filter).
 *
 * Export: the source document is stored to a temporary file with writer8, gate.c strips
 * odfgate comments, checks, and refuses (strict) or stamps; the file is then copied to the
 * media descriptor's OutputStream.  Import: the input is copied to a temporary file, gate.c
 * checks it, writes the findings as comments into a copy and flattens that; the flat ODF is
 * parsed into the target document by Writer's own XMLOasisImporter, which keeps tracked
 * changes and settings.  The findings go to the document's DocState (the panel); into the
 * text as comments only with the option `comments`.  Filter options: gate.h.
 */
#include "libreoffice/uno-util.hxx"

#include "libreoffice/gate.h"
#include "libreoffice/uno-docstate.hxx"
#include "libreoffice/uno-prefs.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/document/XExporter.hpp>
#include <com/sun/star/document/XFilter.hpp>
#include <com/sun/star/document/XImporter.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/io/XOutputStream.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/xml/sax/InputSource.hpp>
#include <com/sun/star/xml/sax/Parser.hpp>
#include <com/sun/star/xml/sax/XDocumentHandler.hpp>
#include <com/sun/star/xml/sax/XFastParser.hpp>
#include <cppuhelper/implbase5.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <cstdio>
#include <memory>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

namespace
{

class Filter
    : public cppu::WeakImplHelper5<document::XFilter, document::XImporter, document::XExporter,
                                   lang::XInitialization, lang::XServiceInfo>
{
  public:
    explicit Filter(const uno::Reference<uno::XComponentContext> &ctx) : ctx_(ctx) {}

    sal_Bool SAL_CALL filter(const uno::Sequence<beans::PropertyValue> &desc) override;
    void SAL_CALL cancel() override {}
    void SAL_CALL setTargetDocument(const uno::Reference<lang::XComponent> &doc) override
    {
        target_ = doc;
    }
    void SAL_CALL setSourceDocument(const uno::Reference<lang::XComponent> &doc) override
    {
        source_ = doc;
    }
    void SAL_CALL initialize(const uno::Sequence<uno::Any> &) override {}
    OUString SAL_CALL getImplementationName() override { return implementationName(); }
    sal_Bool SAL_CALL supportsService(const OUString &name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return serviceNames(); }

    static OUString implementationName() { return "org.odfgate.Filter"; }
    static uno::Sequence<OUString> serviceNames()
    {
        uno::Sequence<OUString> names(2);
        names[0] = "com.sun.star.document.ImportFilter";
        names[1] = "com.sun.star.document.ExportFilter";
        return names;
    }

  private:
    bool exportTo(const uno::Sequence<beans::PropertyValue> &desc);
    bool importFrom(const uno::Sequence<beans::PropertyValue> &desc);
    /* an import refused: said in a message box over the office's active window (the document
     * has none yet; LibreOffice itself would only say "General input/output error") */
    void refuse(const std::string &why) { tell(ctx_, nullptr, "error", why, false, true); }

    uno::Reference<uno::XComponentContext> ctx_;
    uno::Reference<lang::XComponent> target_, source_;
};

template <typename T> T descValue(const uno::Sequence<beans::PropertyValue> &desc, const char *name)
{
    T value{};
    for (const beans::PropertyValue &p : desc)
        if (p.Name.equalsAscii(name))
            p.Value >>= value;
    return value;
}

bool copyFileToStream(const std::string &path, const uno::Reference<io::XOutputStream> &out)
{
    std::unique_ptr<FILE, int (*)(FILE *)> f(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!f)
        return false;
    uno::Sequence<sal_Int8> chunk(1 << 16);
    size_t n;
    while ((n = std::fread(chunk.getArray(), 1, chunk.getLength(), f.get())) > 0) {
        if (n < static_cast<size_t>(chunk.getLength()))
            chunk.realloc(static_cast<sal_Int32>(n));
        out->writeBytes(chunk);
    }
    out->flush();
    return !std::ferror(f.get());
}

bool copyStreamToFile(const uno::Reference<io::XInputStream> &in, const std::string &path)
{
    std::unique_ptr<FILE, int (*)(FILE *)> f(std::fopen(path.c_str(), "wb"), std::fclose);
    if (!f)
        return false;
    uno::Sequence<sal_Int8> chunk;
    sal_Int32 n;
    while ((n = in->readBytes(chunk, 1 << 16)) > 0)
        if (std::fwrite(chunk.getConstArray(), 1, static_cast<size_t>(n), f.get()) !=
            static_cast<size_t>(n))
            return false;
    return std::fflush(f.get()) == 0;
}

/* The filter options of the media descriptor, with the drafter's settings (uno-prefs). */
bool parseOptions(const uno::Reference<uno::XComponentContext> &ctx,
                  const uno::Sequence<beans::PropertyValue> &desc, og_lo_options *opt,
                  std::string *why)
{
    char msg[512];
    std::string text = toUtf8(descValue<OUString>(desc, "FilterOptions"));
    if (og_lo_parse_options(text.c_str(), opt, msg, sizeof(msg)) < 0) {
        *why = msg;
        return false;
    }
    opt->prefs = readPrefs(ctx);
    return true;
}

bool Filter::exportTo(const uno::Sequence<beans::PropertyValue> &desc)
{
    uno::Reference<frame::XModel> model(source_, uno::UNO_QUERY_THROW);
    uno::Reference<io::XOutputStream> out =
        descValue<uno::Reference<io::XOutputStream>>(desc, "OutputStream");
    og_lo_options opt;
    std::string why;
    if (!parseOptions(ctx_, desc, &opt, &why)) {
        tell(ctx_, model, "error", "nothing was saved: " + why);
        return false;
    }
    if (!out.is()) {
        tell(ctx_, model, "error",
             "nothing was saved: LibreOffice gave the filter no output stream");
        return false;
    }
    TempDir tmp;
    std::string copy = tmp.file("export.odt"), doc = documentPath(model);
    storeCopy(model, copy);
    Outcome outcome;
    if (og_lo_export(copy.c_str(), doc.empty() ? nullptr : doc.c_str(), &opt, &outcome) !=
        ODFGATE_OK) {
        tell(ctx_, model, "error", outcome.text());
        return false;
    }
    if (!copyFileToStream(copy, out)) {
        tell(ctx_, model, "error", "the checked statement could not be written to the target file");
        return false;
    }
    /* an open Statement check panel shows what was saved; without one, a message box */
    auto state = DocState::of(model);
    bool panel = state->hasListeners();
    tell(ctx_, outcome.count && !panel ? model : uno::Reference<frame::XModel>(),
         outcome.errors ? "warning" : "info", outcome.text());
    state->publish(findingsFrom(outcome, true, "saved"));
    return true;
}

bool Filter::importFrom(const uno::Sequence<beans::PropertyValue> &desc)
{
    uno::Reference<io::XInputStream> in =
        descValue<uno::Reference<io::XInputStream>>(desc, "InputStream");
    std::string doc = urlToPath(descValue<OUString>(desc, "URL"));
    og_lo_options opt;
    std::string why;
    if (!parseOptions(ctx_, desc, &opt, &why)) {
        refuse("the document was not opened: " + why);
        return false;
    }
    TempDir tmp;
    std::string input = tmp.file("input.odt"), annotated = tmp.file("annotated.odt"),
                flat = tmp.file("flat.fodt");
    if (!in.is() || !copyStreamToFile(in, input)) {
        refuse("the document could not be read from LibreOffice's input stream");
        return false;
    }
    Outcome outcome;
    if (og_lo_import(input.c_str(), annotated.c_str(), flat.c_str(),
                     doc.empty() ? nullptr : doc.c_str(), &opt, &outcome) != ODFGATE_OK) {
        refuse(outcome.text());
        return false;
    }
    uno::Reference<uno::XInterface> importer = ctx_->getServiceManager()->createInstanceWithContext(
        "com.sun.star.comp.Writer.XMLOasisImporter", ctx_);
    uno::Reference<document::XImporter>(importer, uno::UNO_QUERY_THROW)->setTargetDocument(target_);
    xml::sax::InputSource source;
    source.sSystemId = pathToUrl(flat);
    source.aInputStream = ucb::SimpleFileAccess::create(ctx_)->openFileRead(source.sSystemId);
    /* Writer's importer parses by itself (XFastParser, as LibreOffice's own flat ODF filter
     * does); older ones take SAX events from the legacy parser */
    uno::Reference<xml::sax::XFastParser> fast(importer, uno::UNO_QUERY);
    if (fast.is()) {
        fast->parseStream(source);
    } else {
        uno::Reference<xml::sax::XParser> parser = xml::sax::Parser::create(ctx_);
        parser->setDocumentHandler(
            uno::Reference<xml::sax::XDocumentHandler>(importer, uno::UNO_QUERY_THROW));
        parser->parseStream(source);
    }
    source.aInputStream->closeInput();
    tell(ctx_, nullptr, "info", outcome.text());
    /* the panel shows the findings; the document is checked again whenever it is saved */
    uno::Reference<frame::XModel> model(target_, uno::UNO_QUERY);
    if (model.is()) {
        auto state = DocState::of(model);
        state->setOpenedForChecking();
        state->publish(findingsFrom(outcome, true, "opened"));
    }
    return true;
}

sal_Bool Filter::filter(const uno::Sequence<beans::PropertyValue> &desc)
{
    try {
        if (source_.is())
            return exportTo(desc);
        if (target_.is())
            return importFrom(desc);
        tell(ctx_, nullptr, "error", "the filter was called without a document");
    } catch (const uno::Exception &e) {
        tell(ctx_, uno::Reference<frame::XModel>(source_, uno::UNO_QUERY), "error",
             "the filter failed inside LibreOffice: " + toUtf8(e.Message));
    }
    return false;
}

} // namespace

uno::Reference<uno::XInterface> createFilter(const uno::Reference<uno::XComponentContext> &ctx)
{
    return static_cast<cppu::OWeakObject *>(new Filter(ctx));
}
OUString filterImplementationName() { return Filter::implementationName(); }
uno::Sequence<OUString> filterServiceNames() { return Filter::serviceNames(); }

} // namespace odfgate_lo
