/* uno-sign.cxx — see uno-sign.hxx. */
#include "libreoffice/uno-sign.hxx"

#include "libreoffice/gate.h"
#include "libreoffice/uno-util.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/embed/ElementModes.hpp>
#include <com/sun/star/embed/StorageFactory.hpp>
#include <com/sun/star/embed/XStorage.hpp>
#include <com/sun/star/embed/XTransactedObject.hpp>
#include <com/sun/star/io/TempFile.hpp>
#include <com/sun/star/io/XSeekable.hpp>
#include <com/sun/star/io/XStream.hpp>
#include <com/sun/star/io/XTruncate.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XSingleServiceFactory.hpp>
#include <com/sun/star/security/DocumentDigitalSignatures.hpp>
#include <com/sun/star/security/DocumentSignatureInformation.hpp>
#include <com/sun/star/xml/crypto/SEInitializer.hpp>
#include <com/sun/star/xml/crypto/XSecurityEnvironment.hpp>
#include <com/sun/star/xml/crypto/XXMLSecurityContext.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

namespace
{

const char *const kSignatures = "documentsignatures.xml";

/* The package as a plain zip storage (every entry visible, no manifest logic). */
uno::Reference<embed::XStorage> zipStorage(const uno::Reference<uno::XComponentContext> &ctx,
                                           const std::string &path, sal_Int32 mode)
{
    beans::PropertyValue format;
    format.Name = "StorageFormat";
    format.Value <<= OUString("ZipFormat");
    uno::Sequence<uno::Any> args(3);
    args[0] <<= pathToUrl(path);
    args[1] <<= mode;
    args[2] <<= uno::Sequence<beans::PropertyValue>(&format, 1);
    /* the storage factory offers only XSingleServiceFactory, marked deprecated in the SDK */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    uno::Reference<uno::XInterface> st =
        embed::StorageFactory::create(ctx)->createInstanceWithArguments(args);
#pragma GCC diagnostic pop
    return uno::Reference<embed::XStorage>(st, uno::UNO_QUERY_THROW);
}

std::string readAll(const uno::Reference<io::XInputStream> &in)
{
    std::string out;
    uno::Sequence<sal_Int8> buf;
    for (sal_Int32 n; (n = in->readBytes(buf, 65536)) > 0;)
        out.append(reinterpret_cast<const char *>(buf.getConstArray()), static_cast<size_t>(n));
    return out;
}

/* An entry of META-INF/ ("" if there is none). */
std::string metaEntry(const uno::Reference<embed::XStorage> &st, const char *name)
{
    if (!st->hasByName("META-INF"))
        return std::string();
    uno::Reference<embed::XStorage> meta =
        st->openStorageElement("META-INF", embed::ElementModes::READ);
    std::string text;
    if (meta->hasByName(OUString::createFromAscii(name)))
        text = readAll(
            meta->openStreamElement(OUString::createFromAscii(name), embed::ElementModes::READ)
                ->getInputStream());
    uno::Reference<lang::XComponent>(meta, uno::UNO_QUERY_THROW)->dispose();
    return text;
}

/* The package's ODF version (manifest:version), which LibreOffice signs by; "1.2" if none. */
OUString odfVersion(const std::string &manifest)
{
    const std::string key = "manifest:version=\"";
    size_t at = manifest.find(key), end;
    if (at == std::string::npos ||
        (end = manifest.find('"', at + key.size())) == std::string::npos ||
        end - at - key.size() > 8)
        return "1.2";
    return fromUtf8(manifest.substr(at + key.size(), end - at - key.size()).c_str());
}

void dispose(const uno::Reference<uno::XInterface> &x)
{
    uno::Reference<lang::XComponent> c(x, uno::UNO_QUERY);
    if (c.is())
        c->dispose();
}

/* LibreOffice, the signer, finds every signature of the package at `path` valid (and none
 * partial); else throws saying which is not. */
void requireValid(const uno::Reference<uno::XComponentContext> &ctx, const std::string &path,
                  const OUString &version)
{
    uno::Reference<embed::XStorage> st = zipStorage(ctx, path, embed::ElementModes::READ);
    uno::Reference<embed::XStorage> meta =
        st->openStorageElement("META-INF", embed::ElementModes::READ);
    uno::Reference<io::XStream> sigs =
        meta->openStreamElement(OUString::createFromAscii(kSignatures), embed::ElementModes::READ);
    uno::Sequence<security::DocumentSignatureInformation> infos =
        security::DocumentDigitalSignatures::createWithVersionAndValidSignature(ctx, version, true)
            ->verifyDocumentContentSignatures(st, sigs->getInputStream());
    std::string bad;
    for (sal_Int32 i = 0; i < infos.getLength(); i++)
        if (!infos[i].SignatureIsValid || infos[i].PartialDocumentSignature)
            bad += (bad.empty() ? "" : ", ") + std::to_string(i + 1);
    dispose(meta);
    dispose(st);
    if (infos.getLength() == 0 || !bad.empty())
        throw uno::RuntimeException(
            fromUtf8(("not signed: LibreOffice does not find signature " +
                      (bad.empty() ? "1" : bad) + " of the signed copy valid")
                         .c_str()));
}

} // namespace

std::vector<uno::Reference<security::XCertificate>>
personalCertificates(const uno::Reference<uno::XComponentContext> &ctx)
{
    std::vector<uno::Reference<security::XCertificate>> out;
    try {
        uno::Reference<xml::crypto::XXMLSecurityContext> sc =
            xml::crypto::SEInitializer::create(ctx)->createSecurityContext(OUString());
        if (!sc.is())
            return out;
        for (const auto &c : sc->getSecurityEnvironment()->getPersonalCertificates())
            out.push_back(c);
    } catch (const uno::Exception &) {
        /* no certificate store: nothing to offer */
    }
    return out;
}

uno::Reference<security::XCertificate>
certificateFor(const uno::Reference<uno::XComponentContext> &ctx, const std::string &subject)
{
    std::vector<uno::Reference<security::XCertificate>> all = personalCertificates(ctx), found;
    std::string names;
    for (const auto &c : all) {
        std::string name = toUtf8(c->getSubjectName());
        names += (names.empty() ? "" : "; ") + name;
        if (!subject.empty() && name.find(subject) != std::string::npos)
            found.push_back(c);
    }
    if (found.size() != 1)
        throw uno::RuntimeException(fromUtf8(
            (std::string(found.empty() ? "no" : "more than one") +
             " certificate of LibreOffice's " + "store has \"" + subject + "\" in its subject (" +
             (names.empty() ? std::string("the store has no certificate with a private key; see "
                                          "Tools > Options > LibreOffice > Security > Certificate")
                            : "there are: " + names) +
             ")")
                .c_str()));
    return found[0];
}

void requireSignable(const std::string &path)
{
    char magic[4] = {0, 0, 0, 0};
    if (path.empty())
        throw uno::RuntimeException("save the document as ODF (.odt) first: a digital signature "
                                    "signs the saved file");
    std::FILE *f = std::fopen(path.c_str(), "rb");
    size_t n = f ? std::fread(magic, 1, sizeof(magic), f) : 0;
    if (f)
        std::fclose(f);
    if (n != sizeof(magic) || std::memcmp(magic, "PK\x03\x04", 4) != 0)
        throw uno::RuntimeException(fromUtf8(
            (path + " is not an ODF package: only a package (.odt, not a flat .fodt) can carry "
                    "digital signatures")
                .c_str()));
}

void signPackage(const uno::Reference<uno::XComponentContext> &ctx, const std::string &path,
                 const uno::Reference<security::XCertificate> &cert, const std::string &record)
{
    TempDir tmp;
    std::string in = tmp.file("in.odt"), out = tmp.file("out.odt");
    std::error_code ec;
    /* LibreOffice reads one copy and the signed package is written to another, which replaces
     * the file only once odfgate finds it sound */
    if (!std::filesystem::copy_file(path, in, ec) || !std::filesystem::copy_file(path, out, ec))
        throw uno::RuntimeException(
            fromUtf8(("cannot copy " + path + ": " + ec.message()).c_str()));
    uno::Reference<embed::XStorage> reader, writer;
    try {
        reader = zipStorage(ctx, in, embed::ElementModes::READ);
        writer = zipStorage(ctx, out, embed::ElementModes::READWRITE);
    } catch (const uno::Exception &) {
        throw uno::RuntimeException(fromUtf8(
            (path + " is not an ODF package: only a package (.odt, not a flat .fodt) can carry "
                    "digital signatures")
                .c_str()));
    }
    std::string old = metaEntry(reader, kSignatures);
    OUString version = odfVersion(metaEntry(reader, "manifest.xml"));
    uno::Reference<security::XDocumentDigitalSignatures> dds =
        security::DocumentDigitalSignatures::createWithVersionAndValidSignature(ctx, version,
                                                                                false);
    uno::Reference<io::XStream> temp(io::TempFile::create(ctx), uno::UNO_QUERY_THROW);
    if (!dds->signSignatureLine(reader, temp, OUString(), cert, nullptr, nullptr,
                                fromUtf8(record.c_str())))
        throw uno::RuntimeException("LibreOffice did not sign the document");
    uno::Reference<io::XSeekable>(temp, uno::UNO_QUERY_THROW)->seek(0);
    std::string fresh = readAll(temp->getInputStream());
    char msg[1024];
    std::unique_ptr<char, void (*)(void *)> text(
        og_lo_keep_signatures(old.c_str(), fresh.c_str(), msg, sizeof(msg)), std::free);
    if (!text)
        throw uno::RuntimeException(fromUtf8(msg));
    uno::Reference<embed::XStorage> meta =
        writer->openStorageElement("META-INF", embed::ElementModes::READWRITE);
    uno::Reference<io::XStream> stream = meta->openStreamElement(
        OUString::createFromAscii(kSignatures), embed::ElementModes::READWRITE);
    uno::Reference<io::XTruncate>(stream, uno::UNO_QUERY_THROW)->truncate();
    stream->getOutputStream()->writeBytes(
        uno::Sequence<sal_Int8>(reinterpret_cast<const sal_Int8 *>(text.get()),
                                static_cast<sal_Int32>(std::strlen(text.get()))));
    stream->getOutputStream()->closeOutput();
    uno::Reference<embed::XTransactedObject>(meta, uno::UNO_QUERY_THROW)->commit();
    uno::Reference<embed::XTransactedObject>(writer, uno::UNO_QUERY_THROW)->commit();
    dispose(meta);
    dispose(writer);
    dispose(reader);
    requireValid(ctx, out, version);
    if (og_lo_signed_install(out.c_str(), in.c_str(), path.c_str(), record.c_str(), msg,
                             sizeof(msg)) < 0)
        throw uno::RuntimeException(fromUtf8((std::string("not signed: ") + msg).c_str()));
}

} // namespace odfgate_lo
