using FlywheelBot.Channels.BotFramework.Auth;

namespace FlywheelBot.Tests.Channels.BotFramework;

public sealed class SigningMetadataTests
{
    [Fact]
    public void Endorsements_are_read_from_the_raw_key_set_per_key()
    {
        var metadata = SigningMetadataRetriever.Parse("""
            {"keys":[
              {"kty":"RSA","use":"sig","kid":"a","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw","e":"AQAB","endorsements":["msteams","webchat"]},
              {"kty":"RSA","use":"sig","kid":"b","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw","e":"AQAB"},
              {"kty":"oct","kid":"c","k":"c2VjcmV0"}
            ]}
            """);

        Assert.Equal(["a", "b"], metadata.Keys.Keys.Order());
        Assert.Equal(["msteams", "webchat"], metadata.Endorsements["a"].ToArray());
        Assert.False(metadata.Endorsements.ContainsKey("b"));
    }
}
