//! Benchmarks of the XML functions, on a Windows security event of about 2 KB (the shape the
//! reference's XML functions are used for).

use crate::{Fixture, attributes};
use ottl_core::model::AnyValue;

/// A formatted Windows event (4625, failed logon): 2 090 bytes, 45 elements, 29 attributes.
const EVENT: &str = r#"<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-a5ba-3e3b0328c30d}"/>
    <EventID>4625</EventID>
    <Version>0</Version>
    <Level>0</Level>
    <Task>12544</Task>
    <Opcode>0</Opcode>
    <Keywords>0x8010000000000000</Keywords>
    <TimeCreated SystemTime="2024-09-04T08:38:09.7477579Z"/>
    <EventRecordID>1361885</EventRecordID>
    <Correlation ActivityID="{b67ee0c2-a671-0001-5f6b-82e8c1eeda01}"/>
    <Execution ProcessID="656" ThreadID="2276"/>
    <Channel>Security</Channel>
    <Computer>samuel-vahala.corp.example.com</Computer>
    <Security/>
  </System>
  <EventData>
    <Data Name="SubjectUserSid">S-1-0-0</Data>
    <Data Name="SubjectUserName">-</Data>
    <Data Name="SubjectDomainName">-</Data>
    <Data Name="SubjectLogonId">0x0</Data>
    <Data Name="TargetUserSid">S-1-0-0</Data>
    <Data Name="TargetUserName">Administrator</Data>
    <Data Name="TargetDomainName">CORP</Data>
    <Data Name="Status">0xc000006d</Data>
    <Data Name="FailureReason">%%2313</Data>
    <Data Name="SubStatus">0xc000006a</Data>
    <Data Name="LogonType">3</Data>
    <Data Name="LogonProcessName">NtLmSsp </Data>
    <Data Name="AuthenticationPackageName">NTLM</Data>
    <Data Name="WorkstationName">D-508</Data>
    <Data Name="TransmittedServices">-</Data>
    <Data Name="LmPackageName">-</Data>
    <Data Name="KeyLength">0</Data>
    <Data Name="ProcessId">0x0</Data>
    <Data Name="ProcessName">-</Data>
    <Data Name="IpAddress">192.168.10.44</Data>
    <Data Name="IpPort">51234</Data>
  </EventData>
  <RenderingInfo Culture="en-US">
    <Message>An account failed to log on. Subject: Security ID: NULL SID. Logon Type: 3. Account For Which Logon Failed: Administrator &amp; CORP. Failure Information: Unknown user name or bad password.</Message>
    <Level>Information</Level>
    <Task>Logon</Task>
    <Opcode>Info</Opcode>
    <Channel>Security</Channel>
    <Provider>Microsoft Windows security auditing.</Provider>
  </RenderingInfo>
</Event>"#;

fn bench(bencher: divan::Bencher<'_, '_>, call: &str) {
    let mut fixture = Fixture::new(
        &format!(r#"set(cache["out"], {call})"#),
        attributes([("event", AnyValue::from(EVENT))]),
    );
    bencher.bench_local(|| fixture.run());
}

#[divan::bench]
fn parse_xml(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"ParseXML(attributes["event"])"#);
}

#[divan::bench]
fn parse_simplified_xml(bencher: divan::Bencher<'_, '_>) {
    bench(bencher, r#"ParseSimplifiedXML(attributes["event"])"#);
}

/// One attribute selected by a predicate on another.
#[divan::bench]
fn get_xml(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"GetXML(attributes["event"], "/Event/EventData/Data[@Name='IpAddress']/text()")"#,
    );
}

#[divan::bench]
fn remove_xml(bencher: divan::Bencher<'_, '_>) {
    bench(
        bencher,
        r#"RemoveXML(attributes["event"], "/Event/RenderingInfo")"#,
    );
}
