#include <convene/call/call_devices.h>

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace convene::call;

TEST_CASE("The devices chosen for calls are kept in the profile and restored by the next session")
{
    QTemporaryDir dir;
    QSettings state(dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat);
    const QString synthetic = QString::fromLatin1(DeviceListModel::kSyntheticId);
    {
        CallDevices devices(state, false);
        CHECK(devices.cameraId() == synthetic);
        CHECK(devices.microphoneId() == synthetic);
        CHECK(devices.speakerId() == synthetic);
        QSignalSpy chosen(&devices, &CallDevices::deviceChosen);
        QSignalSpy changed(&devices, &CallDevices::selectionChanged);
        devices.selectSpeaker(synthetic);
        REQUIRE(chosen.count() == 1);
        CHECK(chosen.at(0).at(0).value<DeviceListModel::Kind>() == DeviceListModel::Kind::Speaker);
        CHECK(changed.count() == 1);
        // A device that is not there falls back to one that is.
        devices.selectCamera(QStringLiteral("no-such-camera"));
        CHECK(devices.cameraId() == synthetic);
    }
    CHECK(state.value(QStringLiteral("call/speaker")).toString() == synthetic);
    CHECK(state.value(QStringLiteral("call/camera")).toString() == synthetic);
    state.setValue(QStringLiteral("call/microphone"), QStringLiteral("unplugged-headset"));
    CallDevices restored(state, false);
    CHECK(restored.speakerId() == synthetic);
    CHECK(restored.microphoneId() == synthetic); // what was remembered is gone: the one present
}

TEST_CASE("The device lists are made when first used, whichever use comes first")
{
    QTemporaryDir dir;
    QSettings state(dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat);
    const QString synthetic = QString::fromLatin1(DeviceListModel::kSyntheticId);
    state.setValue(QStringLiteral("call/camera"), synthetic);
    {
        // A choice before anything was listed.
        CallDevices devices(state, false);
        QSignalSpy chosen(&devices, &CallDevices::deviceChosen);
        QSignalSpy replaced(&devices, &CallDevices::replaced);
        devices.selectMicrophone(synthetic);
        CHECK(chosen.count() == 1);
        CHECK(replaced.isEmpty());
        CHECK(devices.microphoneId() == synthetic);
        CHECK(devices.cameraId() == synthetic);
        CHECK(devices.microphones()->rowCount() == 1);
    }
    {
        // A call starting: the devices it uses, before any list was shown.
        CallDevices devices(state, false);
        CHECK(devices.camera().isNull());
        CHECK(devices.microphone().isNull());
        CHECK(devices.speaker().isNull());
        CHECK(devices.speakerId() == synthetic);
    }
    // With system devices the lists end with the synthetic entry, as without.
    CallDevices system(state, true);
    REQUIRE(system.speakers()->rowCount() >= 1);
    CHECK(system.speakers()->indexOfId(synthetic) == system.speakers()->rowCount() - 1);
    CHECK(system.speakers()->indexOfId(system.speakerId()) >= 0);
}
